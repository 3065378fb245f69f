import { XMLValidator } from "fast-xml-parser";
import {
  DEMO_POST_PATH,
  DEMO_POST_TITLE,
  expect,
  expireReaderCache,
  seriousA11yViolations,
  test,
} from "./fixtures";

test.describe("finding posts", () => {
  test("home pages through Older Posts and back through Newer Posts", async ({
    page,
    request,
    createPost,
  }) => {
    // More posts than one page holds (5 by default), whatever other tests added.
    for (let i = 0; i < 6; i++) await createPost({ title: `Paging post ${i}` });
    await expireReaderCache(request);
    await page.goto("/");
    const paging = page.getByRole("navigation", { name: "More posts" });
    await expect(paging.getByRole("link", { name: "Newer Posts" })).toHaveCount(0);
    await paging.getByRole("link", { name: "Older Posts" }).click();
    await expect(page).toHaveURL("/?page=2");
    await expect(page.getByRole("main").getByRole("article").first()).toBeVisible();

    let pageNumber = 2;
    while ((await paging.getByRole("link", { name: "Older Posts" }).count()) > 0) {
      await paging.getByRole("link", { name: "Older Posts" }).click();
      pageNumber++;
      await expect(page).toHaveURL(`/?page=${pageNumber}`);
    }
    await expect(page.getByRole("main").getByRole("article").first()).toBeVisible();
    await paging.getByRole("link", { name: "Newer Posts" }).click();
    await expect(page).toHaveURL(pageNumber - 1 === 1 ? "/" : `/?page=${pageNumber - 1}`);
  });

  test("home → label → archive month → search", async ({ page }) => {
    await page.goto("/");
    const sidebar = page.getByRole("complementary", { name: "Blog sidebar" });

    await sidebar.getByRole("region", { name: "Labels" }).getByRole("link", { name: "Asia" }).click();
    await expect(page).toHaveURL("/label/asia");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Showing posts with the label Asia");
    await expect(page.getByRole("link", { name: DEMO_POST_TITLE, exact: true })).toHaveAttribute(
      "href",
      DEMO_POST_PATH,
    );

    const archive = sidebar.getByRole("region", { name: "Blog Archive" });
    // Only the newest year starts open; other tests may have added posts in a later year.
    const june = archive.getByRole("link", { name: "June 2024" });
    if (!(await june.isVisible())) await archive.getByText(/^2024 \(\d+\)$/).click();
    await june.click();
    await expect(page).toHaveURL("/2024/06");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Posts from June 2024");
    await expect(page.getByRole("link", { name: DEMO_POST_TITLE, exact: true })).toBeVisible();

    await sidebar.getByRole("searchbox", { name: "Search This Blog" }).fill("bulletproof");
    await sidebar.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL("/search?q=bulletproof");
    const results = page.getByRole("list", { name: "Search results" });
    await expect(results.getByRole("link", { name: DEMO_POST_TITLE })).toHaveAttribute(
      "href",
      DEMO_POST_PATH,
    );
    // Playwright has no "mark" role: the <mark> element itself is what is being checked.
    await expect(results.locator("mark")).toHaveText(["bulletproof"]);
  });

  test("search ranks, explains empty states and shrugs off hostile queries", async ({ page }) => {
    await page.goto("/search?q=Pyongyang");
    const results = page.getByRole("list", { name: "Search results" });
    await expect(results.getByRole("listitem")).toHaveCount(1);
    await expect(results.locator("mark").first()).toHaveText(/pyongyang/i);

    await page.goto("/search");
    await expect(page.getByText("Type a word or two")).toBeVisible();
    await page.goto("/search?q=zzqxnotaword");
    await expect(page.getByRole("status").filter({ hasText: "No posts match" })).toBeVisible();

    for (const q of ['"', "*", "NEAR(", "-(", "a OR", "'; --", "x".repeat(1000)]) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q).toBe(200);
    }
  });

  test("search finds the demo thread's 声东击西 in the discussion and opens the comment", async ({
    page,
  }) => {
    await page.goto(`/search?q=${encodeURIComponent("声东击西")}`);
    await expect(page.getByText("No post’s own text matches “声东击西”.")).toBeVisible();
    const discussion = page.getByRole("region", { name: "In the discussion" });
    await expect(discussion.getByRole("heading", { level: 2 })).toHaveText("In the discussion");
    const result = discussion.getByRole("listitem").filter({ hasText: "Comment by Anonymous" });
    await expect(result.locator("mark")).toHaveText(["声东击西"]);
    const link = result.getByRole("link", { name: DEMO_POST_TITLE });
    await expect(link).toHaveAttribute("href", /^\/comments\/\d+$/);
    const commentId = (await link.getAttribute("href"))!.split("/").pop();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`^[^#]*${DEMO_POST_PATH}.*#c${commentId}$`));
    await expect(page.locator(`#c${commentId}`)).toContainText("Never ever know 声东击西!");
  });

  test("paging and archive parameters are validated", async ({ request }) => {
    const cases: [string, number][] = [
      ["/", 200],
      ["/?page=1", 200],
      ["/?page=9999", 404],
      ["/?page=0", 404],
      ["/?page=abc", 404],
      ["/label/asia?page=2", 404],
      ["/label/no-such-label", 404],
      ["/2024/06", 200],
      ["/2024/05", 404],
      ["/2024/13", 404],
      ["/24/06", 404],
      ["/2024/6", 404],
      ["/search?page=0&q=x", 404],
    ];
    for (const [path, status] of cases) expect((await request.get(path)).status(), path).toBe(status);
  });

  test("Blogger's /search/label/<name> URLs redirect to the label page", async ({ page, request }) => {
    const response = await request.get("/search/label/Asia", { maxRedirects: 0 });
    expect(response.status()).toBe(301);
    await page.goto("/search/label/Asia");
    await expect(page).toHaveURL("/label/asia");
  });

  test("the About page is in the Pages navigation", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "About" }).click();
    await expect(page).toHaveURL("/p/about");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About");
  });

  // One test per page: an axe pass takes seconds, and a loop of six would crowd the timeout.
  for (const path of [
    "/label/asia",
    "/2024/06",
    "/search?q=Pyongyang",
    "/search?q=nothingmatches",
    "/search",
    `/search?q=${encodeURIComponent("声东击西")}`,
  ]) {
    test(`${path} has no serious accessibility violations`, async ({ page }) => {
      await page.goto(path);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }

  test("search results in dark mode have no serious accessibility violations", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/search?q=Pyongyang");
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

test.describe("feeds and crawlers", () => {
  const feeds: [string, RegExp][] = [
    ["/feeds/posts/default", /^application\/atom\+xml/],
    ["/feeds/posts/default?alt=rss", /^application\/rss\+xml/],
    ["/feed.xml", /^application\/rss\+xml/],
    ["/feeds/comments/default", /^application\/atom\+xml/],
    ["/sitemap.xml", /^application\/xml/],
  ];

  test("feeds and the sitemap are well-formed XML", async ({ request }) => {
    for (const [path, type] of feeds) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toMatch(type);
      const body = await response.text();
      expect(XMLValidator.validate(body), path).toBe(true);
      if (path !== "/sitemap.xml") expect(body, path).toContain(DEMO_POST_TITLE.replace("&", "&amp;"));
    }
    expect(await (await request.get("/sitemap.xml")).text()).toContain(`${DEMO_POST_PATH}</loc>`);
  });

  test("every page advertises the feeds for autodiscovery", async ({ page }) => {
    for (const path of ["/", "/label/asia", "/2024/06", DEMO_POST_PATH]) {
      await page.goto(path);
      await expect(
        page.locator('head link[rel="alternate"][type="application/atom+xml"]').first(),
        path,
      ).toHaveAttribute("href", /\/feeds\/posts\/default$/);
      await expect(
        page.locator('head link[rel="alternate"][type="application/rss+xml"]'),
        path,
      ).toHaveAttribute("href", /\/feed\.xml$/);
    }
  });

  test("the post advertises its comments feed, which serves its live comments", async ({ page, request }) => {
    await page.goto(DEMO_POST_PATH);
    const href = await page
      .locator(
        'link[rel="alternate"][type="application/atom+xml"][href*="/comments/default"][href*="/feeds/"]',
      )
      .last()
      .getAttribute("href");
    expect(href).toMatch(/\/feeds\/\d+\/comments\/default$/);
    const response = await request.get(href!);
    expect(response.headers()["content-type"]).toMatch(/^application\/atom\+xml/);
    const body = await response.text();
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).toContain("How come no major western media");
  });

  test("robots.txt points at the sitemap", async ({ request }) => {
    const body = await (await request.get("/robots.txt")).text();
    expect(body).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
    expect(body).toContain("Disallow: /api/");
  });

  test("each post has a canonical URL, OpenGraph tags and a PNG card", async ({ page, request }) => {
    await page.goto(DEMO_POST_PATH);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      new RegExp(`${DEMO_POST_PATH}$`),
    );
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", DEMO_POST_TITLE);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toContain(`${DEMO_POST_PATH}/opengraph-image`);
    const response = await request.get(image!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect((await response.body()).subarray(1, 4).toString()).toBe("PNG");
  });
});

test("on a wide screen the sidebar sits to the right of the posts", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const main = await page.getByRole("main").boundingBox();
  const sidebar = await page.getByRole("complementary", { name: "Blog sidebar" }).boundingBox();
  expect(sidebar!.x).toBeGreaterThan(main!.x + main!.width - 1);
});
