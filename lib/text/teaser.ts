import type { Nodes, Paragraph, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * A plain-text teaser for listings: the author's standfirst, or else the start of the
 * body's first paragraph, cut at a word boundary. The text comes from the Markdown tree
 * (the same parser the page uses), so only real Markdown syntax goes: `snake_case`,
 * C# and 2*3 stay as written, links keep their text, images and raw HTML are dropped.
 */
export function teaserFor(standfirst: string | null, bodyMarkdown: string, maxLength = 280): string {
  if (standfirst?.trim()) return standfirst.trim();
  const text = firstParagraphOf(bodyMarkdown);
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, cut.lastIndexOf(" ") > maxLength / 2 ? cut.lastIndexOf(" ") : maxLength).trimEnd()}…`;
}

const parser = unified().use(remarkParse).use(remarkGfm);

// Parsing costs some 10–35 µs per character (a 200,000-character body took 7 s here),
// and a listing needs only the first paragraph: parse a head of the body, cut where a
// block ends, and a bigger one only if that head held no paragraph.
const FIRST_HEAD = 1000;
// Reference-style link targets ("[ref]: https://…") usually sit at the very end.
const DEFINITION = /^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:.*$/gm;

function firstParagraphOf(markdown: string): string {
  const definitions = (markdown.match(DEFINITION) ?? []).join("\n");
  for (let size = FIRST_HEAD; ; size *= 4) {
    const head = headOf(markdown, size);
    const text = firstParagraphText(parser.parse(head === markdown ? head : `${head}\n\n${definitions}`));
    if (text || head === markdown) return text;
  }
}

/** The body up to the first blank line at or after `size`: a paragraph is never cut. */
function headOf(markdown: string, size: number): string {
  if (markdown.length <= size) return markdown;
  const blank = /\n[ \t]*\n/g;
  blank.lastIndex = size;
  const end = blank.exec(markdown);
  return end ? markdown.slice(0, end.index) : markdown;
}

/** The first paragraph with any text, at the top level or quoted; whitespace collapsed. */
function firstParagraphText(tree: Root): string {
  for (const block of tree.children) {
    const paragraphs = block.type === "blockquote" ? block.children : [block];
    for (const paragraph of paragraphs) {
      if (paragraph.type !== "paragraph") continue;
      const text = plainText(paragraph);
      if (text) return text;
    }
  }
  return "";
}

function plainText(paragraph: Paragraph): string {
  return toString(spacedBreaks(paragraph), { includeImageAlt: false, includeHtml: false })
    .replace(/\s+/g, " ")
    .trim();
}

/** A hard line break has no text of its own: make it a space so the words stay apart. */
function spacedBreaks(node: Nodes): Nodes {
  if (node.type === "break") return { type: "text", value: " " };
  if (!("children" in node)) return node;
  return { ...node, children: node.children.map(spacedBreaks) } as Nodes;
}
