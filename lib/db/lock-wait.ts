import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DatabaseBusyError } from "@/lib/data/errors";

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;
type SqlQuery = Parameters<SqlDriverAdapter["queryRaw"]>[0];

export type LockWaitOptions = {
  /** Longest a statement (or a transaction's BEGIN) waits for another connection's write lock. */
  writeWaitMs: number;
  /** First pause between attempts; doubled after each, with jitter, up to maxPauseMs. */
  firstPauseMs?: number;
  maxPauseMs?: number;
  /** Statements (PRAGMAs) run on the connection before its first query. */
  setup?: string[];
};

const BEGIN_IMMEDIATE: SqlQuery = { sql: "BEGIN IMMEDIATE", args: [], argTypes: [] };

/**
 * Wraps the better-sqlite3 adapter factory so that waiting for another connection's
 * write lock (a backup, a script, a migration) happens between event-loop turns, not
 * inside SQLite's synchronous busy handler (docs/decisions/008).
 */
export function lockWaitingAdapter(
  inner: PrismaBetterSQLite3,
  options: LockWaitOptions,
): Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect"> {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async (): Promise<SqlDriverAdapter> => {
      const adapter = new LockWaitingAdapter(await inner.connect(), options);
      for (const sql of options.setup ?? []) await adapter.queryRaw({ sql, args: [], argTypes: [] });
      return adapter;
    },
  };
}

/**
 * True for SQLite's "database is locked" family (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, …,
 * SQLITE_LOCKED), whether raw from better-sqlite3 or mapped by Prisma's adapter.
 */
export function isSqliteBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  const originalCode = (error as { cause?: { originalCode?: unknown } }).cause?.originalCode;
  return [code, originalCode].some((c) => typeof c === "string" && /^SQLITE_(BUSY|LOCKED)/.test(c));
}

class LockWaitingAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  readonly #options: Required<Omit<LockWaitOptions, "setup">>;
  readonly #gate = new Gate();

  constructor(inner: SqlDriverAdapter, options: LockWaitOptions) {
    this.#inner = inner;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    const { writeWaitMs, firstPauseMs = 2, maxPauseMs = 100 } = options;
    this.#options = { writeWaitMs, firstPauseMs, maxPauseMs };
  }

  queryRaw(query: SqlQuery) {
    return this.#autocommit(() => this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#autocommit(() => this.#inner.executeRaw(query));
  }

  // A script may fail halfway (some statements applied), so it is never retried.
  executeScript(script: string) {
    return this.#gate.whenIdle(() => this.#inner.executeScript(script));
  }

  // BEGIN IMMEDIATE takes the write lock up front, so a transaction's own statements never
  // meet SQLITE_BUSY halfway through; a refused BEGIN did nothing and is simply retried.
  // Between attempts the gate is open, so reads and other statements keep flowing.
  async startTransaction(
    isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0],
  ): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE")
      return this.#inner.startTransaction(isolationLevel);
    return this.#whileBusy(async () => {
      await this.#gate.acquire();
      try {
        await this.#inner.executeRaw(BEGIN_IMMEDIATE);
      } catch (error) {
        this.#gate.release();
        throw error;
      }
      return new GatedTransaction(this.#inner, () => this.#gate.release());
    });
  }

  getConnectionInfo() {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose() {
    return this.#inner.dispose();
  }

  // Outside a transaction each statement commits on its own. One refused with SQLITE_BUSY
  // changed nothing (SQLite's documentation: "you can retry the statement"), so it is
  // retried. It waits while a transaction is open on this connection, or it would become
  // part of that transaction and be rolled back with it.
  #autocommit<T>(run: () => Promise<T>): Promise<T> {
    return this.#whileBusy(() => this.#gate.whenIdle(run));
  }

  async #whileBusy<T>(attempt: () => Promise<T>): Promise<T> {
    const { writeWaitMs, firstPauseMs, maxPauseMs } = this.#options;
    const started = performance.now();
    for (let pause = firstPauseMs; ; pause = Math.min(pause * 2, maxPauseMs)) {
      try {
        return await attempt();
      } catch (error) {
        if (!isSqliteBusy(error)) throw error;
        const left = writeWaitMs - (performance.now() - started);
        if (left <= 0) {
          const waited = Math.round(performance.now() - started);
          throw new DatabaseBusyError(
            `The database stayed locked by another connection for ${waited} ms; the write was not applied.`,
            { cause: error },
          );
        }
        // "Equal jitter": half the pause fixed, half random, so waiters spread out.
        await sleep(Math.min(left, pause / 2 + (Math.random() * pause) / 2));
      }
    }
  }
}

class GatedTransaction implements Transaction {
  readonly provider: Transaction["provider"];
  readonly adapterName: string;
  // Prisma sends COMMIT / ROLLBACK itself, then calls commit() / rollback().
  readonly options = { usePhantomQuery: false };
  readonly #connection: SqlDriverAdapter;
  #release: (() => void) | undefined;

  constructor(connection: SqlDriverAdapter, release: () => void) {
    this.#connection = connection;
    this.provider = connection.provider;
    this.adapterName = connection.adapterName;
    this.#release = release;
  }

  queryRaw(query: SqlQuery) {
    return this.#connection.queryRaw(query);
  }

  executeRaw(query: SqlQuery) {
    return this.#connection.executeRaw(query);
  }

  commit() {
    this.#end();
    return Promise.resolve();
  }

  rollback() {
    this.#end();
    return Promise.resolve();
  }

  #end() {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}

/**
 * One open transaction at a time on the connection; other statements wait for it. The
 * check and the statement run in the same turn (better-sqlite3 runs a statement
 * synchronously), so nothing can slip in between.
 */
class Gate {
  #open = true;
  #waiters: (() => void)[] = [];

  async whenIdle<T>(run: () => Promise<T>): Promise<T> {
    while (!this.#open) await this.#released();
    return run();
  }

  async acquire(): Promise<void> {
    while (!this.#open) await this.#released();
    this.#open = false;
  }

  #released(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  release(): void {
    this.#open = true;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
