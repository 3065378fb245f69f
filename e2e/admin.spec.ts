import { randomUUID } from "node:crypto";
import { expect, seriousA11yViolations, test } from "./fixtures";

// A 1×1 PNG: enough for the upload checks and for the browser to decode.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test.describe("authoring", () => {
  // Long journeys (sign-up, uploads, several accessibility scans) on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test("an admin writes a post with a label and an image, publishes it, and readers see it", async ({
    page,
    login,
  }) => {
    await login({ role: "admin" });
    await page.goto("/");
    await page.getByRole("link", { name: "Admin" }).click();
    await expect(page).toHaveURL("/admin/posts");
    await expect(page.getByRole("heading", { name: "Posts" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "New post" }).click();
    const id = randomUUID().slice(0, 6);
    const title = `Monsoon arrives early ${id}`;
    await page.getByLabel("Title").fill(title);
    await expect(page.getByLabel("Slug")).toHaveValue(`monsoon-arrives-early-${id}`);
    await page.getByLabel("Standfirst").fill("Forecasters had expected it a fortnight later.");
    await page.getByLabel("Byline").fill("Staff reporter");
    await page.getByLabel("Labels").fill(`Weather ${id}, Asia`);
    await page
      .getByLabel("Upload an image")
      .setInputFiles({ name: "rain.png", mimeType: "image/png", buffer: PNG });
    await page.getByLabel("Image description (alt text)").fill("Clouds over the strait");
    await page.getByLabel("Caption").fill("The first storm of the season. (Staff pic)");
    await page
      .getByLabel("Text", { exact: true })
      .fill(
        "## What happened\n\nRain fell on:\n\n- Penang\n- Kedah\n\n> It came all at once.\n\n[Met office](https://example.com/met)",
      );

    await page
      .getByLabel("Insert an image into the text")
      .setInputFiles({ name: "inline.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByText("Image added to the text.")).toBeVisible();
    await expect(page.getByLabel("Text", { exact: true })).toHaveValue(
      /!\[Describe the image\]\(\/uploads\/[a-f0-9]{32}\.png\)/,
    );

    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByRole("img", { name: "Describe the image" })).toBeVisible();
    await expect(preview.getByRole("heading", { name: "What happened" })).toBeVisible();
    await expect(preview.getByRole("listitem")).toHaveCount(2);
    await expect(preview.getByRole("link", { name: "Met office" })).toHaveAttribute(
      "href",
      "https://example.com/met",
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page).toHaveURL(/\/admin\/posts\/\d+\?notice=saved$/);
    await expect(page.getByRole("status")).toContainText("Saved.");
    await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "View it on the blog" }).click();
    await expect(page).toHaveURL(new RegExp(`/\\d{4}/\\d{2}/monsoon-arrives-early-${id}$`));
    const postUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("By Staff reporter")).toBeVisible();
    await expect(page.getByRole("heading", { name: "What happened" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: `Weather ${id}` })).toBeVisible();
    await expect(page.locator("figure figcaption")).toHaveText("The first storm of the season. (Staff pic)");
    const cover = page.getByRole("img", { name: "Clouds over the strait" });
    await expect(cover).toHaveAttribute("src", /^\/uploads\/[a-f0-9]{32}\.png$/);
    await expect
      .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);
    const inline = page.getByRole("img", { name: "Describe the image" });
    await expect
      .poll(() => inline.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);

    // Everywhere a reader finds posts: home, its label, its month, the feed, search.
    await page.goto("/");
    await expect(page.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", postUrl);
    await page
      .getByRole("complementary", { name: "Blog sidebar" })
      .getByRole("link", { name: `Weather ${id}` })
      .click();
    await expect(page.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", postUrl);
    const month = postUrl.split("/").slice(0, 3).join("/");
    await page.goto(month);
    await expect(page.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", postUrl);
    const feed = await (await page.request.get("/feeds/posts/default")).text();
    expect(feed).toContain(`<title type="text">${title}</title>`);
    await page.goto(`/search?q=${id}`);
    await expect(
      page.getByRole("list", { name: "Search results" }).getByRole("link", { name: title }),
    ).toHaveAttribute("href", postUrl);
  });

  test("an admin renames a published post and the old address redirects", async ({ page, login }) => {
    await login({ role: "admin" });
    await page.goto("/admin/posts/new");
    const id = randomUUID().slice(0, 6);
    await page.getByLabel("Title").fill(`Old name ${id}`);
    await page.getByLabel("Text", { exact: true }).fill("Body.");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("status")).toContainText("Saved.");
    const editUrl = page.url();
    const oldPath = (await page.getByRole("link", { name: "View it on the blog" }).getAttribute("href"))!;

    await page.goto(editUrl);
    await page.getByLabel("Slug").fill(`new-name-${id}`);
    await page.getByRole("button", { name: "Update" }).click();
    // The edit URL already says "Saved." (?notice=saved): wait for the new address instead.
    await expect(page.getByRole("link", { name: "View it on the blog" })).toHaveAttribute(
      "href",
      new RegExp(`/new-name-${id}$`),
    );

    const response = await page.request.get(oldPath, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers().location).toMatch(new RegExp(`/new-name-${id}$`));
    await page.goto(oldPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Old name ${id}`);
  });

  test("the admin area is hidden from commenters and asks strangers to sign in", async ({
    page,
    login,
    db,
  }) => {
    const response = await page.goto("/admin/posts");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL("/signin?callbackUrl=%2Fadmin%2Fposts");

    const commenter = await login({ role: "commenter" });
    await page.goto("/");
    await expect(page.getByText(`Signed in as ${commenter.name}`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
    for (const path of ["/admin", "/admin/posts", "/admin/posts/new", "/admin/pages", "/admin/pages/new"]) {
      const denied = await page.goto(path);
      expect(denied?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }

    // Roles are read on every request: a promotion opens the admin area at once.
    await db.user.update({ where: { id: commenter.id }, data: { role: "admin" } });
    await page.goto("/");
    await page.getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { name: "Posts" })).toBeVisible();
  });

  test("an admin adds a static page to the Pages menu", async ({ page, login }) => {
    await login({ role: "admin" });
    await page.goto("/admin/pages");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "New page" }).click();
    const id = randomUUID().slice(0, 6);
    await page.getByLabel("Title").fill(`Contact ${id}`);
    await page.getByLabel("Text", { exact: true }).fill("Write to **us**.");
    await expect(
      page.getByRole("region", { name: "Preview" }).getByText("us", { exact: true }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Save page" }).click();
    await expect(page.getByRole("status")).toContainText("Saved.");

    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Pages" })
      .getByRole("link", { name: `Contact ${id}` })
      .click();
    await expect(page).toHaveURL(`/p/contact-${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Contact ${id}`);
  });
});
