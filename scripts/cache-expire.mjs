#!/usr/bin/env node
// `npm run cache:expire`: tells the running server to expire every cached reader page,
// after the database was changed outside the app (a restore, an import, a hand edit).
// With several instances, any one will do: it passes the expiry on to the others
// through the database (docs/decisions/021).
// Uses SITE_URL (or --url <origin>) and the same AUTH_SECRET as the server.
import { cacheExpireToken } from "../lib/cache/expire-token.mjs";
import { loadEnvFiles } from "../lib/env-files.mjs";

loadEnvFiles();

const urlFlag = process.argv.indexOf("--url");
const origin = urlFlag > 0 ? process.argv[urlFlag + 1] : process.env.SITE_URL;
const secret = process.env.AUTH_SECRET;
if (!origin || !secret) {
  console.error("Set SITE_URL (or pass --url http://127.0.0.1:3000) and the server's AUTH_SECRET.");
  process.exit(2);
}
const response = await fetch(new URL("/api/cache/expire", origin), {
  method: "POST",
  headers: { authorization: `Bearer ${cacheExpireToken(secret)}` },
}).catch((error) => {
  console.error(`Could not reach ${origin}: ${error.message}`);
  process.exit(1);
});
if (!response.ok) {
  console.error(`The server refused (HTTP ${response.status}): is AUTH_SECRET the server's?`);
  process.exit(1);
}
console.log(
  `Every cached page served by ${origin} is expired (on every instance within a second); each renders afresh on its next request.`,
);
