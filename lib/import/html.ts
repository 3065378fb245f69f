import type { Element, Root, RootContent } from "hast";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { markdownSchema } from "@/lib/markdown/pipeline";

/**
 * Old blogs store HTML; Commonplace stores the Markdown its editor writes. The HTML is
 * parsed as a browser would (parse5), passed through the same allow-list the reader pages
 * use (lib/markdown/pipeline.ts: no scripts, no handlers, no style, no javascript: URLs;
 * here a style sheet's text goes too)
 * and only then turned into Markdown, so nothing hostile can come back on rendering.
 * Tables become GFM tables; what Markdown cannot express keeps its text.
 */
const importSchema = {
  ...markdownSchema,
  // Elements dropped with their content: a style sheet or script is not text to keep.
  strip: [...(markdownSchema.strip ?? []), "style", "template"],
};

function markdownProcessor(images?: ReadonlyMap<string, string>) {
  return unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeSanitize, importSchema)
    .use(unwrapDeadLinks)
    .use(replaceImageSources, images)
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: "-", emphasis: "_", fences: true, rule: "-" });
}

const toMarkdown = markdownProcessor();

/** The body as Markdown; `images` maps an image's old address to its copy here (--fetch-images). */
export function htmlToMarkdown(html: string, images?: ReadonlyMap<string, string>): string {
  const processor = images && images.size > 0 ? markdownProcessor(images) : toMarkdown;
  return String(processor.processSync(html)).trim();
}

/** The http(s) addresses of the images a body shows, once it is sanitized. */
export function imageSources(html: string): string[] {
  const tree = parseSanitized.runSync(parseSanitized.parse(html)) as Root;
  const sources: string[] = [];
  replaceElements(tree, (element) => {
    const src = element.tagName === "img" ? element.properties.src : null;
    if (typeof src === "string" && /^https?:\/\//i.test(src)) sources.push(src);
    return null;
  });
  return sources;
}

function replaceImageSources(images?: ReadonlyMap<string, string>) {
  return (tree: Root) => {
    if (!images) return;
    replaceElements(tree, (element) => {
      const src = element.tagName === "img" ? element.properties.src : null;
      if (typeof src === "string" && images.has(src)) element.properties.src = images.get(src);
      return null;
    });
  };
}

const parseSanitized = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, importSchema);

/**
 * Comments are plain text here (components/comments/comment-body.tsx shows them with
 * links made clickable), so a comment's HTML becomes its text, paragraphs and line
 * breaks kept, and a link whose text hides its address as "text (address)".
 */
export function htmlToCommentText(html: string): string {
  const tree = parseSanitized.runSync(parseSanitized.parse(html)) as Root;
  spellOutLinks(tree);
  return toText(tree)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Iterative, like every tree walk in this codebase: a hostile nesting depth cannot overflow the stack. */
function replaceElements(tree: Root, replace: (element: Element) => RootContent[] | null): void {
  const stack: (Root | Element)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.children = node.children.flatMap((each): RootContent[] => {
      if (each.type !== "element") return [each];
      const replaced = replace(each);
      if (replaced) {
        // What replaces an element is walked as well (an unwrapped link's own children).
        for (const node of replaced) if (node.type === "element") stack.push(node);
        return replaced;
      }
      stack.push(each);
      return [each];
    }) as typeof node.children;
  }
}

function href(element: Element): string | null {
  return typeof element.properties.href === "string" && element.properties.href
    ? element.properties.href
    : null;
}

/** A link the sanitizer took the address from (javascript:) is its text alone. */
function unwrapDeadLinks() {
  return (tree: Root) =>
    replaceElements(tree, (element) => {
      return element.tagName === "a" && !href(element) ? (element.children as RootContent[]) : null;
    });
}

function spellOutLinks(tree: Root): void {
  replaceElements(tree, (element) => {
    const address = element.tagName === "a" ? href(element) : null;
    if (!address) return null;
    const text = toText(element).trim();
    return [{ type: "text", value: !text || text === address ? address : `${text} (${address})` }];
  });
}
