import type { IncomingMessage, ServerResponse } from "node:http";

export const SESSION_COOKIES: string[];
export const HINT_COOKIE: string;
export function purgePageCache(): void;

export type PageCache = {
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  record(req: IncomingMessage, res: ServerResponse): void;
  purge(): void;
  readonly size: number;
  install(): void;
};

export function createPageCache(options?: {
  ttlMs?: number;
  maxEntries?: number;
  maxBytes?: number;
  maxEntryBytes?: number;
  now?: () => number;
}): PageCache;
