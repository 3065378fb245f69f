import { describe, expect, it } from "vitest";
import { GET } from "./route";

const get = (name: string) =>
  GET(new Request(`http://blog.test/search/label/${name}`), { params: Promise.resolve({ name }) });

describe("Blogger label URLs", () => {
  it("redirect permanently to the label page", async () => {
    const response = await get("World%20News");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/label/world-news");
  });

  it("keep non-Latin labels", async () => {
    expect((await get(encodeURIComponent("朝鲜"))).headers.get("location")).toBe(
      `/label/${encodeURIComponent("朝鲜")}`,
    );
  });

  it("404 for names with nothing to slug", async () => {
    expect((await get("%E0%A4%A")).status).toBe(404);
    expect((await get("%20-%20")).status).toBe(404);
  });
});
