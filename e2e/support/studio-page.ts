import { expect, type Locator, type Page } from "@playwright/test";
import type { Generation, GenerationPage } from "../../lib/contract/generations/types";
import { SubmitLog } from "./submits";

/** The studio's one page, found the way a screen reader user would find it. */
export class StudioPage {
  readonly header: Locator;
  readonly engineBadge: Locator;
  readonly builder: Locator;
  readonly gallery: Locator;
  readonly prompt: Locator;
  readonly quantity: Locator;
  readonly seed: Locator;
  readonly generate: Locator;
  readonly cost: Locator;
  readonly tokenButton: Locator;
  readonly tokenDialog: Locator;
  /** every submit the page has sent since this object was made */
  readonly submits: SubmitLog;

  constructor(readonly page: Page) {
    this.submits = new SubmitLog(page);
    this.header = page.getByRole("banner");
    this.engineBadge = this.header.getByRole("status", { name: /^Engine:/ });
    this.builder = page.getByRole("complementary", { name: "Builder" });
    this.gallery = page.getByRole("region", { name: "Gallery" });
    this.prompt = this.builder.getByRole("textbox", { name: "Prompt" });
    this.quantity = this.builder.getByRole("spinbutton", { name: "Quantity" });
    this.seed = this.builder.getByRole("textbox", { name: "Seed" });
    this.generate = this.builder.getByRole("button", { name: /^Generate/ });
    this.cost = this.builder.getByRole("region", { name: "Cost" });
    this.tokenButton = this.header.getByRole("button", { name: /^Token/ });
    this.tokenDialog = page.getByRole("dialog", { name: "Civitai API token" });
  }

  /** A generation's card: an article named by its prompt. */
  generation(prompt: string): Locator {
    return this.gallery.getByRole("article", { name: new RegExp(`^${escapeRegExp(prompt)}`) });
  }

  /** The open lightbox (a dialog named by the image's prompt). */
  get lightbox(): Locator {
    return this.page.getByRole("dialog").filter({ has: this.page.getByLabel("Image details") });
  }

  /** The open wipe view of a medium/large pair. */
  get wipeView(): Locator {
    return this.page.getByRole("dialog", { name: "Wipe view: medium vs large" });
  }

  /** The zoom level a zoomable view shows ("72%"), as a number. */
  async zoomLevel(scope: Locator): Promise<number> {
    const text = await scope.getByRole("status", { name: "Zoom level" }).textContent();
    return Number(text?.replace("%", ""));
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(
      this.page.getByRole("heading", { level: 1, name: "Krea Prompt Studio" }),
    ).toBeVisible();
  }

  /** One option of a builder radio group: tier ("Large"), ratio ("16:9"), creativity ("raw"). */
  option(group: "Tier" | "Aspect ratio" | "Creativity", name: string): Locator {
    return this.builder
      .getByRole("radiogroup", { name: group })
      .getByRole("radio", { name, exact: true });
  }

  /** A prompt nobody else's test uses, so workflows can be counted per test. */
  uniquePrompt(words: string): string {
    return `${words} #${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  }

  /** The generations the studio's API lists with this exact prompt (this browser's engine). */
  async generationsWithPrompt(prompt: string): Promise<Generation[]> {
    const res = await this.page.request.get("/api/workflows?take=100");
    expect(res.ok()).toBe(true);
    const page: GenerationPage = await res.json();
    return page.items.filter((g) => g.input?.prompt === prompt);
  }

  /** Toasts (sonner) are announced in a live region; find one by its text. */
  toast(text: string | RegExp): Locator {
    return this.page.locator("[data-sonner-toast]").filter({ hasText: text });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
