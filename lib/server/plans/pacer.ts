import "server-only";

// Paces one account's plan traffic to the orchestrator: at most `maxInFlight`
// requests at once, sends spaced by a token bucket, and everyone holds off
// after a 429 until its Retry-After has passed. Shared by all plans of one
// account, since the orchestrator limits per token, not per plan.

export interface PacerOptions {
  maxInFlight: number;
  /** sends per second, sustained */
  sendsPerSecond: number;
  /** sends allowed back to back before the rate applies */
  burst: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_PACE: PacerOptions = {
  maxInFlight: 4,
  sendsPerSecond: 8,
  burst: 16,
};

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Pacer {
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** every request run through this pacer, and the most at once (the bench reads both) */
  requests = 0;
  maxInFlightSeen = 0;

  constructor(private readonly options: PacerOptions = DEFAULT_PACE) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.tokens = options.burst;
    this.refilledAt = this.now();
  }

  /** Everyone waits this long before the next request (a 429's Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private async slot(): Promise<void> {
    while (this.inFlight >= this.options.maxInFlight) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.inFlight++;
    this.maxInFlightSeen = Math.max(this.maxInFlightSeen, this.inFlight);
  }

  private release(): void {
    this.inFlight--;
    this.waiters.shift()?.();
  }

  private async sendToken(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.tokens = Math.min(
        this.options.burst,
        this.tokens + ((now - this.refilledAt) / 1000) * this.options.sendsPerSecond,
      );
      this.refilledAt = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.options.sendsPerSecond) * 1000));
    }
  }

  private async holdOff(): Promise<void> {
    for (let wait = this.pausedUntil - this.now(); wait > 0; wait = this.pausedUntil - this.now()) {
      await this.sleep(wait);
    }
  }

  /** Runs one upstream request within the limits; `send` ones also spend a token. */
  async run<T>(kind: "send" | "read", fn: () => Promise<T>): Promise<T> {
    await this.holdOff();
    if (kind === "send") await this.sendToken();
    await this.slot();
    this.requests++;
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}
