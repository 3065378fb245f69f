/** Text and attribute values escaped for XML; characters XML 1.0 forbids are dropped. */
export function xmlText(value: string): string {
  return stripInvalid(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A CDATA section; "]]>" inside the value is split across two sections. */
export function cdata(value: string): string {
  return `<![CDATA[${stripInvalid(value).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

const INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function stripInvalid(value: string): string {
  return value.replace(INVALID, "");
}

/** Plain comment text as HTML: escaped, paragraphs from blank lines, line breaks kept. */
export function commentTextHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** What Blogger writes in place of a removed comment; its importer reads who removed it from it. */
export function removedSentence(reason: string | null): string {
  return reason === "author"
    ? "This comment has been removed by the author."
    : "This comment has been removed by a blog administrator.";
}
