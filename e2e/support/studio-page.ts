import { expect, type Locator, type Page } from "@playwright/test";

/** The studio's one page, found the way a screen reader user would find it. */
export class StudioPage {
  readonly header: Locator;
  readonly engineBadge: Locator;
  readonly builder: Locator;
  readonly gallery: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole("banner");
    this.engineBadge = this.header.getByRole("status", { name: /^Engine:/ });
    this.builder = page.getByRole("complementary", { name: "Builder" });
    this.gallery = page.getByRole("region", { name: "Gallery" });
  }

  /** A generation's card: an article named by its prompt. */
  generation(prompt: string): Locator {
    return this.gallery.getByRole("article", { name: new RegExp(`^${escapeRegExp(prompt)}`) });
  }

  /** The open lightbox (a dialog named by the image's prompt). */
  get lightbox(): Locator {
    return this.page.getByRole("dialog").filter({ has: this.page.getByLabel("Image details") });
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(
      this.page.getByRole("heading", { level: 1, name: "Krea Prompt Studio" }),
    ).toBeVisible();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
