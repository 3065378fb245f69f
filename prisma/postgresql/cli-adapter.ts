import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

// The Prisma CLI's adapter for PostgreSQL (prisma.config.ts), never the app's. The plain
// @prisma/adapter-pg 6.19.3 breaks the CLI in three ways (docs/decisions/016); each fix
// below is named after the bug it works around. The app's queries meet none of them.

type Connection = Awaited<ReturnType<PrismaPg["connect"]>>;

/** PostgreSQL's catalog types `"char"` (oid 18) and `name` (oid 19), and `text` (oid 25). */
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

/**
 * Bug 1 (prisma/orm#27403): the adapter cannot map `name` and `"char"` columns, which
 * the schema engine reads from pg_catalog ("Column type 'name' could not be
 * deserialized"). pg already returns their values as strings; only the column type has
 * to say text.
 */
class CatalogAsTextClient extends pg.Client {
  // pg's query() has many overloads; the adapter and the pool use the promise form and
  // the callback form, both handled here.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        last(error, error ? result : asText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return (pending instanceof Promise ? pending.then(asText) : pending) as never;
  }
}

function asText<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as pg.QueryResult | undefined)?.fields ?? []) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CliPrismaPg extends PrismaPg {
  readonly #config: pg.PoolConfig;

  constructor(config: pg.PoolConfig) {
    super({ ...config, Client: CatalogAsTextClient } as pg.PoolConfig);
    this.#config = config;
  }

  override async connect(): Promise<Connection> {
    const connection = await super.connect();
    // Bug 2: the adapter splits a script at every ";", which breaks any PL/pgSQL body
    // ($$ … $$) and leaves a failing migration half-applied. A script sent as one simple
    // query runs whole, in one implicit transaction.
    connection.executeScript = async (script: string) => {
      await connection.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    return connection;
  }

  /**
   * Bug 3: the adapter's shadow database is really the main one (the connection string
   * overrides the database name) and is dropped while its connections are still open.
   * Here the shadow is a fresh database, dropped after its pool has closed.
   */
  override async connectToShadowDb(): Promise<Connection> {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new CliPrismaPg({ ...this.#config, database }).connect();
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}

/** The adapter factory for `prisma.config.ts` on a `postgresql://` URL. */
export function postgresCliAdapter(url: string): PrismaPg {
  // Separate fields, not the connection string, so the shadow database can change one.
  const config = parseIntoClientConfig(url) as pg.PoolConfig;
  delete config.connectionString;
  return new CliPrismaPg(config);
}
