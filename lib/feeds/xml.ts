/**
 * A tiny XML writer for the feeds: elements are data, text and attribute values are
 * always escaped, and characters XML 1.0 forbids (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF) are dropped, so one bad title can never make a feed unparseable.
 */
export type XmlNode = { name: string; attrs: Record<string, string | undefined>; children: XmlChild[] };
export type XmlChild = XmlNode | string | null | undefined | false;

export function el(
  name: string,
  attrs: Record<string, string | undefined> = {},
  ...children: (XmlChild | XmlChild[])[]
): XmlNode {
  return { name, attrs, children: children.flat() };
}

const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function renderXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderNode(root)}\n`;
}

// Iterative would be overkill: feed documents are three levels deep.
function renderNode(node: XmlNode): string {
  const attrs = Object.entries(node.attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  const children = node.children.filter(
    (child): child is XmlNode | string => typeof child === "string" || (!!child && typeof child === "object"),
  );
  if (children.length === 0) return `<${node.name}${attrs}/>`;
  const inner = children
    .map((child) => (typeof child === "string" ? escapeXml(child) : renderNode(child)))
    .join("");
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}
