export const PG_TEST_DIR: string;
export function postgresBinDir(env?: Record<string, string | undefined>): string;
export type Cluster = {
  port: number;
  socketDir: string;
  url(database?: string): string;
  createDatabase(database: string): Promise<string>;
  stop(): void;
};
export function startPostgres(options?: { dir?: string; durable?: boolean }): Promise<Cluster>;
export function databaseName(databaseUrl: string): string;
export function siblingDatabaseUrl(databaseUrl: string, database: string): string;
export function recreateDatabase(databaseUrl: string, options?: { template?: string }): Promise<void>;
export function dropDatabase(databaseUrl: string): Promise<void>;
export function runWithThrowawayCluster(options: {
  dir: string;
  command: string;
  args: string[];
  env: (cluster: Cluster) => Record<string, string>;
}): Promise<number>;
