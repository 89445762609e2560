import type { Page } from "@playwright/test";

// Every `POST /api/workflows` the page sends, recorded as the browser issues
// it (not by listing workflows afterwards, which a submit still in flight would
// pass). A retry resends its click's key, so clicks are counted by distinct key.

export interface SentSubmit {
  key: string | null;
  prompt: string | null;
  url: string;
}

export class SubmitLog {
  readonly sent: SentSubmit[] = [];

  constructor(page: Page) {
    page.on("request", (r) => {
      if (r.method() !== "POST" || new URL(r.url()).pathname !== "/api/workflows") return;
      let prompt: string | null = null;
      try {
        const body: unknown = JSON.parse(r.postData() ?? "");
        if (body && typeof body === "object" && "prompt" in body && typeof body.prompt === "string")
          prompt = body.prompt;
      } catch {
        // not JSON: still a submit, with no prompt to match
      }
      this.sent.push({ key: r.headers()["idempotency-key"] ?? null, prompt, url: r.url() });
    });
  }

  /** Distinct idempotency keys sent for this prompt: one per workflow asked for. */
  keys(prompt: string): string[] {
    return [...new Set(this.sent.filter((s) => s.prompt === prompt).map((s) => s.key ?? ""))];
  }
}
