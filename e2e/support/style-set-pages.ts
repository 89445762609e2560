// Page object for the Style sets list and a set's own page (history, status, compare).
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { StyleSet } from "../../lib/contract/style-sets/schema";

export const uniqueName = (name: string) => `${name} ${Math.random().toString(36).slice(2, 8)}`;

export async function createSetVia(
  request: APIRequestContext,
  data: {
    name: string;
    note?: string;
    references: { imageUrl: string; strength: number; label?: string }[];
    author?: string;
  },
): Promise<StyleSet> {
  const response = await request.post("/api/style-sets", { data });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export class StyleSetPages {
  constructor(readonly page: Page) {}

  async openList(): Promise<void> {
    await this.page.goto("/style-sets");
    await expect(this.page.getByRole("heading", { level: 2, name: "Style sets" })).toBeVisible();
  }

  async openSet(id: string, version?: number): Promise<void> {
    await this.page.goto(`/style-sets/${id}${version ? `@${version}` : ""}`);
    await expect(this.page.getByRole("heading", { level: 3, name: "History" })).toBeVisible();
  }

  card(name: string) {
    return this.page
      .getByRole("list", { name: "Saved style sets" })
      .getByRole("article", { name, exact: true });
  }

  /** Sets (or changes) the display name that signs changes in this browser. */
  async signAs(name: string): Promise<void> {
    const change = this.page.getByRole("button", { name: "Change name" });
    if (await change.isVisible()) await change.click();
    await this.page.getByRole("textbox", { name: "Your name in set history" }).fill(name);
    await this.page.getByRole("button", { name: "Save name" }).click();
    await expect(this.page.getByText(`Changes are signed ${name}`)).toBeVisible();
  }

  /** the history's entries (not the lists inside them) */
  versions() {
    return this.page
      .getByRole("list", { name: "History" })
      .getByRole("listitem", { name: /^Version \d+$/ });
  }

  version(n: number) {
    return this.page
      .getByRole("list", { name: "History" })
      .getByRole("listitem", { name: `Version ${n}`, exact: true });
  }

  changes(n: number) {
    return this.version(n).getByRole("list", { name: `Changes in version ${n}` });
  }

  proofSettings() {
    return this.page.getByRole("region", { name: "Proof settings" });
  }

  /** Fills the proof settings form (prompts, tier, seed) without saving. */
  async fillProofSettings(prompts: string[], tier: "Medium" | "Large", seed: string) {
    const form = this.proofSettings();
    for (const [i, prompt] of prompts.entries()) {
      const field = form.getByRole("textbox", { name: `Test prompt ${i + 1}`, exact: true });
      if (!(await field.isVisible()))
        await form.getByRole("button", { name: "Add test prompt" }).click();
      await field.fill(prompt);
    }
    await form.getByRole("combobox", { name: "Proof tier" }).selectOption({ label: tier });
    await form.getByRole("textbox", { name: "Proof seed" }).fill(seed);
  }

  /** the version's proofs: Proof this version, progress, the comparison, Approve */
  proofs() {
    return this.page.getByRole("region", { name: /^Proofs of version \d+$/ });
  }

  /** Opens the cost confirmation of a proof run (nothing is sent yet). */
  async proofThisVersion(): Promise<void> {
    await this.proofs().getByRole("button", { name: "Proof this version" }).click();
  }
}
