// The tab's watch session (see lib/server/orchestrator/watch.ts): which ids the
// running long-poll covers, so a new generation only restarts it when the
// server could not add it to that long-poll. Module state: one per tab.

function randomId(): string {
  // crypto.randomUUID needs a secure context; a LAN address over http is not one.
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  return Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 10)).join("-");
}

export class WatchSession {
  readonly id = randomId();
  private seq = 0;
  private running: { seq: number; ids: Set<string> } | null = null;

  /** A long-poll for these ids starts: its query parameters. */
  begin(ids: readonly string[]): { seq: number; params: Record<string, string> } {
    const seq = ++this.seq;
    this.running = { seq, ids: new Set(ids) };
    return { seq, params: { session: this.id, seq: String(seq) } };
  }

  /** That long-poll answered, failed or was cancelled. */
  end(seq: number): void {
    if (this.running?.seq === seq) this.running = null;
  }

  /** Headers for a submit, so the server can add the new workflow to the running long-poll. */
  submitHeaders(): Record<string, string> {
    return { "x-watch-session": this.id };
  }

  /** A submit answered with X-Watch-Joined: the long-poll `joined` now covers `id`. */
  noteJoined(id: string, joined: string | null): void {
    if (joined !== null && this.running?.seq === Number(joined)) this.running.ids.add(id);
  }

  /** True when a long-poll is running that does not cover every one of `ids`. */
  misses(ids: readonly string[]): boolean {
    const running = this.running;
    return running !== null && ids.some((id) => !running.ids.has(id));
  }
}

export const watchSession = new WatchSession();
