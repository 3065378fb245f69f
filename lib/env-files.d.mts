export function loadEnvFiles(options?: { dir?: string; dev?: boolean }): void;
