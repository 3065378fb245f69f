import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseFilePath, databaseProvider, DEFAULT_DATABASE_URL, resolveDatabaseUrl } from "@/lib/db/url";

describe("database URLs", () => {
  it("names the provider by the scheme: a file is SQLite, postgres(ql):// is PostgreSQL", () => {
    expect(databaseProvider(undefined)).toBe("sqlite");
    expect(databaseProvider("file:./blog.db")).toBe("sqlite");
    expect(databaseProvider("postgresql://blog@db:5432/blog")).toBe("postgresql");
    expect(databaseProvider("postgres://blog@db/blog")).toBe("postgresql");
  });

  it("refuses any other scheme without echoing the URL, which may hold a password", () => {
    expect(() => databaseProvider("mysql://root:s3cret@db/blog")).toThrow(/got one starting "mysql:"/);
    expect(() => databaseProvider("mysql://root:s3cret@db/blog")).not.toThrow(/s3cret/);
  });

  it("makes a relative file absolute against the working directory and keeps a PostgreSQL URL as given", () => {
    expect(resolveDatabaseUrl("file:./data/x.db")).toBe(`file:${path.resolve("data/x.db")}`);
    expect(resolveDatabaseUrl("")).toBe(resolveDatabaseUrl(DEFAULT_DATABASE_URL));
    const url = "postgresql://blog:pw@127.0.0.1:5432/blog?sslmode=disable";
    expect(resolveDatabaseUrl(url)).toBe(url);
  });

  it("has a file path only for SQLite", () => {
    expect(databaseFilePath("file:./data/x.db")).toBe(path.resolve("data/x.db"));
    expect(() => databaseFilePath("postgresql://blog@db/blog")).toThrow(/not a file/);
  });
});
