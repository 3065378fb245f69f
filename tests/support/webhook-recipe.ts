import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type VerifySignature = (
  secret: string,
  header: string,
  rawBody: string | Buffer,
  toleranceSeconds?: number,
) => boolean;

/**
 * The README's webhook verification recipe, exactly as printed: its code block is cut out
 * of README.md, written to a module and imported, so a test that uses it proves the
 * documentation works.
 */
export async function readmeVerifier(): Promise<VerifySignature> {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((match) => match[1])
    .find((code) => code.includes("export function verifyCommonplaceSignature"));
  if (!block) throw new Error("README.md has no verifyCommonplaceSignature recipe");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "commonplace-recipe-")), "verify.mjs");
  writeFileSync(file, block);
  const recipe = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
    verifyCommonplaceSignature: VerifySignature;
  };
  return recipe.verifyCommonplaceSignature;
}
