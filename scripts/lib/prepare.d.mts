export function prepareDatabase(env: Record<string, string | undefined>): void;
export function shouldSeedDemo(env: Record<string, string | undefined>): boolean;
export function localEnv(options?: { dev?: boolean }): Record<string, string | undefined>;
