import { remove as removeConfusables } from "confusables";

/**
 * What a name looks like, for telling whether two names could be mistaken for each other
 * (Unicode TR39's idea of a "skeleton"): NFKC (full-width and styled letters become plain
 * ones), look-alike letters from other scripts mapped to the Latin letters they imitate
 * (the `confusables` package: Cyrillic "Аdmіn", Greek "αdmin", accents), case folded, then
 * the digit and letter-pair tricks the package leaves ("adm1n", "rn" for "m"), and only
 * letters and digits kept. Two names with one skeleton are confusable.
 */
export function nameSkeleton(name: string): string {
  return foldLookalikes(name).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The skeletons of a name's words ("Demo Moderator" → "demo", "moderator"). */
export function wordSkeletons(name: string): string[] {
  return foldLookalikes(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

const DIGIT_LOOKALIKES: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};

function foldLookalikes(name: string): string {
  return removeConfusables(name.normalize("NFKC"))
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[013457@$]/g, (c) => DIGIT_LOOKALIKES[c])
    .replace(/[l|!ı]/g, "i")
    .replace(/rn/g, "m")
    .replace(/vv/g, "w");
}
