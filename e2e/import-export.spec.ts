import { randomUUID } from "node:crypto";
import { expect, seriousA11yViolations, test } from "./fixtures";

/** A small Commonplace JSON export made for this run (fresh ids, so it is imported, not found again). */
function exportFile(slug: string, title: string) {
  const site = "https://old.example";
  const post = `post/1-${slug}@${site}`;
  const comment = (n: number, parent: number | null, authorName: string, body: string) => ({
    type: "comment",
    id: `comment/${n}-${slug}@${site}`,
    post,
    parent: parent === null ? null : `comment/${parent}-${slug}@${site}`,
    authorName,
    body,
    createdAt: `2024-06-19T0${n}:00:00.000Z`,
    editedAt: null,
    status: "published",
    heldReasons: null,
    deletedAt: null,
    deletedReason: null,
    deletionNote: null,
    origins: [],
  });
  const lines = [
    { format: "commonplace", version: 1, site, exportedAt: "2026-12-01T00:00:00.000Z", withEmails: false },
    {
      type: "post",
      id: post,
      slug,
      title,
      standfirst: null,
      byline: "Old Author",
      sourceName: null,
      coverImageUrl: null,
      coverImageAlt: null,
      coverImageCaption: null,
      bodyMarkdown: "Moved here **with its thread**.",
      status: "published",
      publishedAt: "2024-06-19T00:00:00.000Z",
      commentsEnabled: true,
      viewCount: 3,
      shareCount: 0,
      createdAt: "2024-06-19T00:00:00.000Z",
      updatedAt: "2024-06-19T00:00:00.000Z",
      author: null,
      labels: [],
      redirects: [],
      comments: 3,
      origins: [],
    },
    comment(1, null, "Aiko", "First, from the old blog 🌏"),
    comment(2, 1, "Ben", "A reply that came along"),
    comment(3, 2, "Chen 陈", "And a reply to the reply"),
    { type: "end", labels: 0, pages: 0, posts: 1, comments: 3 },
  ];
  return Buffer.from(lines.map((line) => JSON.stringify(line)).join("\n") + "\n");
}

test.describe("import and export in /admin/move", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an admin uploads an export, watches it run to its report, and finds the post with its thread", async ({
    page,
    login,
  }) => {
    await login({ role: "admin" });
    await page.goto("/admin/posts");
    await page.getByRole("link", { name: "Import and export" }).click();
    await expect(page.getByRole("heading", { name: "Import and export" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const id = randomUUID().slice(0, 8);
    const slug = `moved-in-${id}`;
    const title = `Moved in ${id}`;
    await page.getByLabel("Export file").setInputFiles({
      name: "old-blog.jsonl",
      mimeType: "application/x-ndjson",
      buffer: exportFile(slug, title),
    });
    await page.getByRole("button", { name: "Upload and import" }).click();
    await expect(page).toHaveURL(/\/admin\/move\/jobs\/\d+$/);
    await expect(page.getByRole("heading", { name: /Import of old-blog\.jsonl/ })).toBeVisible();
    // The page reloads itself while the job runs, until the report replaces the progress bar.
    await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText("1 posts, 0 pages, 3 comments")).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`/2024/06/${slug}`);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText("And a reply to the reply")).toBeVisible();
    await expect(page.getByText("First, from the old blog 🌏")).toBeVisible();

    // The same file again: found, nothing new.
    await page.goto("/admin/move");
    await page.getByLabel("Export file").setInputFiles({
      name: "old-blog.jsonl",
      mimeType: "application/x-ndjson",
      buffer: exportFile(slug, title),
    });
    await page.getByRole("button", { name: "Upload and import" }).click();
    await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText("1 posts, 0 pages, 3 comments", { exact: false }).last()).toBeVisible();
    await expect(page.getByText("0 posts, 0 pages, 0 comments, 0 old addresses")).toBeVisible();

    // Downloads: the file streams with a name.
    const download = await page.request.get("/admin/move/export?format=wxr");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(
      /attachment; filename="commonplace-wxr-.*\.xml"/,
    );
    expect(await download.text()).toContain(title);
  });

  test("a non-admin is refused the page, the upload and the downloads", async ({ page, login }) => {
    await login({ role: "moderator" });
    const response = await page.goto("/admin/move");
    expect(response?.status()).toBe(404);
    const upload = await page.request.post("/admin/move/upload", {
      multipart: { file: { name: "x.jsonl", mimeType: "text/plain", buffer: Buffer.from("{}") } },
      maxRedirects: 0,
    });
    expect(upload.status()).toBe(403);
    expect((await page.request.get("/admin/move/export?format=json")).status()).toBe(403);
  });
});
