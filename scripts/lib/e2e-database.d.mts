export function e2eDatabaseUrl(env?: Record<string, string | undefined>): string;
export function resetE2EDatabase(url: string): Promise<void>;
export function e2eServerLogFile(port: number | string): string;
export function e2eSmtpPort(firstPort?: number): number;
