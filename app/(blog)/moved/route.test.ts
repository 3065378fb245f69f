import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { fixture, resetImports, runImport } from "@/tests/support/imports";
import { GET } from "./route";

beforeEach(resetImports);

const get = (query: string) => GET(new NextRequest(`http://localhost/moved${query}`));

describe("/moved (WordPress addresses kept by an import)", () => {
  it("sends /?p=<id> and the dated permalink to the imported post", async () => {
    await runImport(fixture("wordpress.xml"));
    for (const query of ["?p=123", "?from=/2024/06/19/around-taiwan"]) {
      const response = await get(query);
      expect(response.status).toBe(301);
      expect(response.headers.get("location")).toBe("/2024/06/around-taiwan");
    }
  });

  it("answers 404 for an address no import kept, a draft's, or a malformed one", async () => {
    await runImport(fixture("wordpress.xml"));
    for (const query of [
      "?p=999",
      "?p=130",
      "?p=0",
      "?p=abc",
      "?from=/etc/passwd",
      "?from=/2024/06/19/a/b",
      "",
    ])
      expect((await get(query)).status).toBe(404);
  });
});
