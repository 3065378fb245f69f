// How long the server keeps an idle keep-alive connection open.
//
// A proxy keeps idle connections to the app and reuses them (nginx: the upstream's
// `keepalive`, closed after its keepalive_timeout — 60 s in docs/nginx/commonplace.conf).
// If the app closed an idle connection first (Node's default: after 5 s), a request the
// proxy sends on it at that moment fails with a reset: nginx answers 502 for a POST (it
// never sends one twice) and leaves the instance out for fail_timeout. Measured with
// `npm run bench:cluster`: one such reset during a reply burst took an instance out
// just as the other was killed, and every write failed. So the app waits longer than
// any proxy in front of it is configured to.
export const IDLE_TIMEOUT_MS = 65_000;

/** @param {import("node:http").Server} server */
export function keepIdleConnectionsLongerThanProxies(server) {
  server.keepAliveTimeout = IDLE_TIMEOUT_MS;
  // Node's rule: headersTimeout must exceed keepAliveTimeout.
  server.headersTimeout = IDLE_TIMEOUT_MS + 1_000;
}
