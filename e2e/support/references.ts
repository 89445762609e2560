import { expect, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";

/** A small PNG of one colour, made on the spot: nothing binary is checked in. */
export async function pngFile(name: string, colour: string): Promise<DroppedFile> {
  const bytes = await sharp({
    create: { width: 96, height: 64, channels: 3, background: colour },
  })
    .png()
    .toBuffer();
  return { name, type: "image/png", base64: bytes.toString("base64") };
}

export interface DroppedFile {
  name: string;
  type: string;
  base64: string;
}

/** The builder's style references, found by role and name like a screen reader would. */
export class ReferencesPanel {
  readonly section: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly urlField: Locator;
  readonly messages: Locator;

  constructor(readonly page: Page) {
    const builder = page.getByRole("complementary", { name: "Builder" });
    this.section = builder.getByRole("region", { name: "Style references" });
    this.list = this.section.getByRole("list", { name: "Style references, in order" });
    this.rows = this.list.getByRole("listitem");
    this.urlField = this.section.getByRole("textbox", { name: "Style reference URL" });
    this.messages = this.section.getByRole("alert");
  }

  row(n: number): Locator {
    return this.list.getByRole("listitem", { name: new RegExp(`^Reference ${n}: `) });
  }

  slider(n: number): Locator {
    return this.section.getByRole("slider", { name: `Strength for reference ${n}` });
  }

  strengthField(n: number): Locator {
    return this.section.getByRole("textbox", { name: `Strength value for reference ${n}` });
  }

  /** The rows' names in order ("Reference 1: a.png", …). */
  async names(): Promise<string[]> {
    return this.rows.evaluateAll((items) => items.map((li) => li.getAttribute("aria-label") ?? ""));
  }

  /**
   * A drop onto the builder pane, as the browser delivers one from the desktop
   * or another page: a DataTransfer with files and/or text/uri-list and text/html.
   */
  async drop({
    files = [],
    uriList,
    html,
  }: {
    files?: DroppedFile[];
    uriList?: string;
    html?: string;
  }): Promise<void> {
    await this.section.evaluate(
      (section, { files, uriList, html }) => {
        const dt = new DataTransfer();
        for (const f of files) {
          const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
          dt.items.add(new File([bytes], f.name, { type: f.type }));
        }
        if (uriList) dt.setData("text/uri-list", uriList);
        if (html) dt.setData("text/html", html);
        const target = section.querySelector("p") ?? section;
        for (const type of ["dragenter", "dragover", "drop"]) {
          target.dispatchEvent(
            new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
          );
        }
      },
      { files, uriList, html },
    );
  }

  /** Waits until no row is uploading or being checked. */
  async settled(): Promise<void> {
    await expect(this.section.getByRole("progressbar")).toHaveCount(0, { timeout: 20_000 });
    await expect(this.section.getByText("Checking the link…")).toHaveCount(0, {
      timeout: 20_000,
    });
  }
}
