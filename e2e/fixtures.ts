import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_POST_PATH = "/2024/06/n-korea-russia-sign-mutual-defence-deal";
export const DEMO_POST_TITLE = "N. Korea, Russia sign mutual defence deal";

type Fixtures = {
  /** Fails the test on any console error or uncaught page error it did not expect. */
  consoleErrors: string[];
};

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      // 404 pages log the failed document request; that is the expected outcome there.
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Axe violations that matter: serious and critical ones. */
export async function seriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((n) => n.target.join(" ")) }));
}

/** The thread's top-level comments, in order. */
export function topLevelComments(page: Page) {
  return page.locator("#comments > ol > li");
}
