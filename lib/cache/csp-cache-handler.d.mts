// The parts of the cache handler its tests call; Next itself loads the .mjs by path
// (next.config.ts `cacheHandler`) with the types of its FileSystemCache.
type CachedValue = { kind: string; html?: string; headers?: Record<string, unknown> };

export default class CspCacheHandler {
  constructor(ctx: {
    fs: unknown;
    serverDistDir: string;
    flushToDisk?: boolean;
    maxMemoryCacheSize?: number;
    revalidatedTags: string[];
  });
  get(
    key: string,
    ctx: { kind: string; isRoutePPREnabled?: boolean; isFallback?: boolean },
  ): Promise<{ lastModified?: number; value: CachedValue | null } | null>;
  set(key: string, data: unknown, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  expireFromElsewhere(tags: string[]): Promise<void>;
}
