export function cacheExpireToken(secret: string): string;
export function isCacheExpireToken(presented: string | null, secret: string): boolean;
