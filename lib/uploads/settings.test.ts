import { describe, expect, it } from "vitest";
import { defaultUploadStore } from "./settings";

describe("defaultUploadStore", () => {
  it("keeps uploads in the database on PostgreSQL and in the folder on SQLite", () => {
    expect(defaultUploadStore("postgresql://blog@db/blog")).toBe("database");
    expect(defaultUploadStore("postgres://blog@db/blog")).toBe("database");
    expect(defaultUploadStore("file:./data/commonplace.db")).toBe("local");
  });
});
