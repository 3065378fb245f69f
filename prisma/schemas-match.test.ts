import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// One data layer serves both databases (docs/decisions/016), so the two schema files
// must declare the same models; only their header and datasource provider differ.
function models(provider: "sqlite" | "postgresql"): string {
  const schema = readFileSync(path.resolve(import.meta.dirname, provider, "schema.prisma"), "utf8");
  return schema.slice(schema.indexOf("\nmodel "));
}

describe("prisma/sqlite and prisma/postgresql", () => {
  it("declare the same models, field for field", () => {
    expect(models("postgresql")).toBe(models("sqlite"));
  });

  it("differ in the datasource provider", () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      const schema = readFileSync(path.resolve(import.meta.dirname, provider, "schema.prisma"), "utf8");
      expect(schema).toMatch(new RegExp(`provider = "${provider}"`));
    }
  });
});
