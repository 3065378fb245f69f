export const PG_TEST_DIR: string;
export function postgresBinDir(env?: Record<string, string | undefined>): string;
export type ThrowawayPostgres = {
  port: number;
  socketDir: string;
  url(database?: string): string;
  createDatabase(database: string): Promise<string>;
  stop(): void;
};
export function startPostgres(options?: { dir?: string }): Promise<ThrowawayPostgres>;
