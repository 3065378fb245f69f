import { DEMO_POST_PATH, expect, test } from "./fixtures";

test("the post and its thread fit a phone screen without sideways scrolling", async ({ page }) => {
  await page.goto(DEMO_POST_PATH);
  await expect(page.getByRole("heading", { name: "10 comments:" })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
