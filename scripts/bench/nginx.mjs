// A throwaway nginx in front of the bench server, configured from the documented
// docs/nginx/commonplace.conf (scripts/lib/nginx.mjs), plus a static server with the same
// page as a file: the ceiling the app is compared with.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { nginxBinary, renderSite, startNginx as startConfiguredNginx } from "../lib/nginx.mjs";
import { waitForHttp } from "../lib/processes.mjs";
import { BENCH_DIR, NGINX_PORT, PORT } from "./env.mjs";

export const NGINX_PREFIX = path.join(BENCH_DIR, "nginx");
export const STATIC_PORT = NGINX_PORT + 1;

export function nginxAvailable() {
  return nginxBinary() !== null;
}

/** Writes the config, serves `staticHtml` as /seed.html on STATIC_PORT, starts nginx. */
export async function startNginx(staticHtml) {
  const staticDir = path.join(BENCH_DIR, "nginx-static");
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, "seed.html"), staticHtml);
  // Compressed once, ahead of time, as a well-served static site does (gzip_static).
  writeFileSync(path.join(staticDir, "seed.html.gz"), gzipSync(staticHtml, { level: 9 }));

  const child = startConfiguredNginx({
    prefix: NGINX_PREFIX,
    site: renderSite({
      upstreams: [`127.0.0.1:${PORT}`],
      listen: `127.0.0.1:${NGINX_PORT}`,
      cacheDir: path.join(NGINX_PREFIX, "cache"),
    }),
    // The ceiling: the same HTML as a plain file (and its .gz for clients that read gzip).
    extraHttp: `
    server {
        listen 127.0.0.1:${STATIC_PORT};
        root ${staticDir};
        gzip_static on;
        gzip_vary on;
    }`,
    logFile: path.join(BENCH_DIR, "nginx.log"),
  });
  await waitForHttp(`http://127.0.0.1:${STATIC_PORT}/seed.html`, child, 10_000);
  return child;
}
