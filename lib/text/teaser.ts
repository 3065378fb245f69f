/**
 * A plain-text teaser for listings: the author's standfirst, or else the start of the
 * body's first paragraph with Markdown punctuation removed, cut at a word boundary.
 */
export function teaserFor(standfirst: string | null, bodyMarkdown: string, maxLength = 280): string {
  if (standfirst?.trim()) return standfirst.trim();
  const paragraph =
    bodyMarkdown
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .find((block) => block && !/^(#|!\[|```|<|\||-{3,})/.test(block)) ?? "";
  const text = paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, cut.lastIndexOf(" ") > maxLength / 2 ? cut.lastIndexOf(" ") : maxLength).trimEnd()}…`;
}
