/** Paragraphs are separated by blank lines; single line breaks inside one are kept. */
export function toParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ""))
    .filter((paragraph) => paragraph.trim().length > 0)
    .map((paragraph) => paragraph.split("\n"));
}
