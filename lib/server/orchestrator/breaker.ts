import "server-only";
import { AppError } from "@/lib/server/http/problem";
import { env } from "@/lib/server/env";

// A circuit breaker per orchestrator: after several failures in a row that
// point at an outage (unreachable, timeouts, 5xx), the studio stops sending
// requests for a cool-down instead of hammering a host that keeps failing, and
// says so. After the cool-down one trial request goes through; its success
// closes the circuit, its failure doubles the cool-down (up to a ceiling).

export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerStatus {
  state: BreakerState;
  /** consecutive outage-like failures */
  failures: number;
  /** when the next trial request may go, while open */
  retryAt: string | null;
  /** what the last failure said */
  lastError: string | null;
}

export interface BreakerOptions {
  threshold: number;
  coolDownMs: number;
  maxCoolDownMs: number;
  now?: () => number;
}

const OUTAGE_KINDS = new Set(["network", "timeout", "unavailable", "upstream"]);

export function isOutage(error: unknown): boolean {
  return error instanceof AppError && OUTAGE_KINDS.has(error.kind);
}

export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private coolDown: number;
  private trialInFlight = false;
  private lastError: string | null = null;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.coolDown = options.coolDownMs;
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.failures < this.options.threshold) return "closed";
    return this.now() < this.openUntil ? "open" : "half-open";
  }

  status(): BreakerStatus {
    const state = this.state;
    return {
      state,
      failures: this.failures,
      retryAt: state === "open" ? new Date(this.openUntil).toISOString() : null,
      lastError: this.lastError,
    };
  }

  /** Throws a fast "unavailable" error while open; lets one trial through when half-open. */
  before(who: string): () => void {
    const state = this.state;
    if (state === "open" || (state === "half-open" && this.trialInFlight)) {
      const seconds = Math.max(1, Math.ceil((this.openUntil - this.now()) / 1000));
      throw new AppError("unavailable", {
        detail: `${who} kept failing, so the studio paused requests to it for ${seconds} s. Nothing was lost; it retries by itself.`,
        retryAfter: seconds,
      });
    }
    const isTrial = state === "half-open";
    if (isTrial) this.trialInFlight = true;
    return () => {
      if (isTrial) this.trialInFlight = false;
    };
  }

  success(): void {
    this.failures = 0;
    this.coolDown = this.options.coolDownMs;
    this.lastError = null;
  }

  failure(error: unknown): void {
    if (!isOutage(error)) return;
    const wasHalfOpen = this.state === "half-open";
    this.failures++;
    this.lastError = error instanceof AppError ? error.detail : String(error);
    if (this.failures >= this.options.threshold) {
      if (wasHalfOpen) this.coolDown = Math.min(this.options.maxCoolDownMs, this.coolDown * 2);
      this.openUntil = this.now() + this.coolDown;
    }
  }
}

declare global {
  // One map per process, even when Next evaluates this module once per route bundle:
  // /api/health must report the breaker the other routes trip.
  var __kreaStudioBreakers: Map<string, CircuitBreaker> | undefined;
}
const breakers = (globalThis.__kreaStudioBreakers ??= new Map<string, CircuitBreaker>());

/** The breaker for one orchestrator base URL (shared by every user of that host). */
export function breakerFor(baseUrl: string): CircuitBreaker {
  let breaker = breakers.get(baseUrl);
  if (!breaker) {
    const settings = env();
    breaker = new CircuitBreaker({
      threshold: settings.ORCHESTRATOR_BREAKER_THRESHOLD,
      coolDownMs: settings.ORCHESTRATOR_BREAKER_COOLDOWN_MS,
      maxCoolDownMs: settings.ORCHESTRATOR_BREAKER_MAX_COOLDOWN_MS,
    });
    breakers.set(baseUrl, breaker);
  }
  return breaker;
}
