/**
 * "N. Korea, Russia sign…" → "n-korea-russia-sign". Latin letters lose their accents
 * (café → cafe); every other script keeps its letters and the combining marks it is
 * written with (नमस्ते, not नमस-त). The slug is NFC, as URLs are typed and as lookups
 * normalise them (lib/validations/listing.ts), so a Korean slug matches either way.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, "$1")
    .normalize("NFC")
    .replace(/[^\p{Letter}\p{Mark}\p{Number}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return capLength(slug, maxLength).replace(/-+$/g, "");
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** At most `maxLength` UTF-16 units (what the slug column and form count), whole characters only. */
function capLength(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  let capped = "";
  for (const { segment } of graphemes.segment(slug)) {
    if (capped.length + segment.length > maxLength) break;
    capped += segment;
  }
  return capped;
}
