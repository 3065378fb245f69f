import type { ChildProcess } from "node:child_process";

export function nginxBinary(): string | null;
export function renderSite(options: {
  upstreams: string[];
  listen: string;
  cacheDir: string;
  serverName?: string;
}): string;
export function startNginx(options: {
  prefix: string;
  site: string;
  extraHttp?: string;
  accessLog?: boolean;
  logFile: string;
}): ChildProcess;
