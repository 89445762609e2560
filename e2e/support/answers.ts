import type { APIRequestContext, APIResponse, Page, Response } from "@playwright/test";

// Everything the studio answered during a test, headers and body, from the
// page (every response it received) and from API request contexts (whose
// responses never fire page events, so they go through `api()`). A body that
// cannot be read is recorded as unreadable and fails a scan: an answer nobody
// looked at must not count as clean.

export interface Answer {
  url: string;
  status: number;
  /** every header, set-cookie included, then the body */
  text: string;
}

const API_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "fetch"]);

export class AnswerLog {
  readonly answers: Answer[] = [];
  readonly unreadable: string[] = [];
  /** transfers the page itself cancelled (a refresh superseded, closing): headers only */
  readonly aborted: string[] = [];
  private pending: Promise<void>[] = [];
  /** page bodies being read right now */
  private reading = new Set<Promise<void>>();
  private closing = false;

  /** Records every response the page receives from now on. */
  watch(page: Page): void {
    page.on("response", (r) => this.pending.push(this.fromPage(r)));
  }

  /** The same request context, recording every response it gets. */
  api(request: APIRequestContext): APIRequestContext {
    return new Proxy(request, {
      get: (target, prop, receiver) => {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        if (!API_METHODS.has(String(prop))) return value.bind(target);
        return async (...args: unknown[]) => {
          const response: APIResponse = await value.apply(target, args);
          await this.fromApi(response);
          return response;
        };
      },
    });
  }

  /**
   * Call before closing the pages: waits until no body is being read, then
   * reads no more (closing would cut a read short, and count it unreadable).
   */
  async beforeClose(): Promise<void> {
    while (this.reading.size > 0) await Promise.all(this.reading);
    this.closing = true;
  }

  /** Waits for every body still being read; returns all answers. */
  async settled(): Promise<Answer[]> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
    return this.answers;
  }

  private async fromPage(r: Response): Promise<void> {
    const headers = await r.headersArray();
    let body = "";
    // Closing the page rejects the wait for a transfer still open (a long-poll).
    const failure = await r
      .finished()
      .catch((error: unknown) =>
        this.closing ? new Error("ERR_ABORTED: the page closed") : new Error(String(error)),
      );
    if (failure || this.closing) {
      // The browser dropped the body before it arrived (a superseded refresh, an
      // open long-poll when the test closed the page): nothing of it reached the page.
      if (failure && !/ERR_ABORTED|cancel/i.test(failure.message)) {
        this.unreadable.push(`${r.status()} ${r.url()}: ${failure.message}`);
      } else this.aborted.push(r.url());
      this.add(r.url(), r.status(), headers, body);
      return;
    }
    const read = r.body().then(
      (bytes) => {
        body = bytes.toString("latin1");
      },
      (error: unknown) => {
        // Redirects carry no body in Chromium: their headers are the whole answer.
        if (r.status() < 300 || r.status() >= 400) {
          this.unreadable.push(`${r.status()} ${r.url()}: ${String(error).split("\n")[0]}`);
        }
      },
    );
    this.reading.add(read);
    await read;
    this.reading.delete(read);
    this.add(r.url(), r.status(), headers, body);
  }

  private async fromApi(r: APIResponse): Promise<void> {
    const headers = r.headersArray();
    try {
      this.add(r.url(), r.status(), headers, (await r.body()).toString("latin1"));
    } catch (error) {
      this.unreadable.push(`${r.status()} ${r.url()}: ${String(error).split("\n")[0]}`);
    }
  }

  private add(
    url: string,
    status: number,
    headers: { name: string; value: string }[],
    body: string,
  ) {
    this.answers.push({ url, status, text: `${JSON.stringify(headers)}\n${body}` });
  }
}

/** The answers that contain any of the secrets, as "url: secret" lines. */
export function leaks(answers: readonly Answer[], secrets: readonly string[]): string[] {
  return answers.flatMap((a) =>
    secrets.filter((s) => a.text.includes(s)).map((s) => `${a.status} ${a.url}: ${s}`),
  );
}
