export function setExpiryPublisher(publish: ((tags: string[]) => Promise<void>) | null): void;
export function publishExpiry(tags: string[]): Promise<void>;
export function setExpiryApplier(apply: ((tags: string[]) => void) | null): void;
export function applyExpiry(tags: string[]): void;
export function onExpiredElsewhere(listener: (tags: string[]) => void): () => void;
