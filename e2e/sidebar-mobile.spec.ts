import { expect, test } from "./fixtures";

test("on a phone the sidebar comes after the posts, and nothing scrolls sideways", async ({ page }) => {
  await page.goto("/");
  const main = await page.getByRole("main").boundingBox();
  const sidebar = await page.getByRole("complementary", { name: "Blog sidebar" }).boundingBox();
  expect(sidebar!.y).toBeGreaterThanOrEqual(main!.y + main!.height);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("on a phone the search form works", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search This Blog" }).fill("Pyongyang");
  await page.getByRole("searchbox", { name: "Search This Blog" }).press("Enter");
  await expect(page).toHaveURL("/search?q=Pyongyang");
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("listitem")).toHaveCount(1);
});
