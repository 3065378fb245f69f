// The token that lets an operator's command (`npm run cache:expire`) tell the running
// server to expire every cached reader page. Derived from AUTH_SECRET, so there is no
// second secret to configure; plain JavaScript so the command needs no build.
import { createHmac, timingSafeEqual } from "node:crypto";

const PURPOSE = "commonplace:expire-reader-cache";

/** @param {string} secret */
export function cacheExpireToken(secret) {
  return createHmac("sha256", secret).update(PURPOSE).digest("base64url");
}

/** @param {string | null} presented @param {string} secret */
export function isCacheExpireToken(presented, secret) {
  if (!presented) return false;
  const expected = Buffer.from(cacheExpireToken(secret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
