import { test as base } from "@playwright/test";
import { StudioPage } from "./studio-page";

export { expect } from "@playwright/test";

/** `test` with a `studio` page object ready to use. */
export const test = base.extend<{ studio: StudioPage }>({
  // The fixture callback is named `provide`, not `use`, so the React hooks lint
  // rule does not mistake it for React's `use`.
  studio: async ({ page }, provide) => {
    await provide(new StudioPage(page));
  },
});
