"use client";

import { Button } from "@/components/ui/button";
import { CircleAlert, CircleCheck, Loader2, RotateCw, Sparkles, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import type { CostSummary, Tone } from "@/lib/client/builder/cost-summary";
import type { PendingSubmit } from "@/lib/client/builder/pending-submits";
import type { FailedSubmit } from "@/lib/client/builder/use-submit-generation";
import { WaitingSubmits } from "./waiting-submits";

const TONE_CLASS: Record<Tone, string> = {
  muted: "text-muted",
  success: "text-success",
  warning: "text-warning",
  danger: "text-danger",
};
const TONE_ICON = {
  muted: null,
  success: CircleCheck,
  warning: TriangleAlert,
  danger: CircleAlert,
};

/**
 * The pane's footer, always in reach: the cost the designer is about to spend
 * (the studio's figure, the orchestrator's quote, the other tier) and Generate.
 */
export function GenerateBar({
  cost,
  blockedReason = null,
  risk = null,
  pending,
  failed,
  onRetry,
  onDiscard,
  waiting = [],
  onDiscardWaiting,
  before,
  children,
}: {
  /** above Generate: where the next generation comes from */
  before?: ReactNode;
  /** below Generate: Compare tiers and the sweeps */
  children?: ReactNode;
  cost: CostSummary;
  /** why Generate cannot run yet (references uploading, checking or broken) */
  blockedReason?: string | null;
  /** Generate can run, but the job may fail (a reference whose check failed) */
  risk?: string | null;
  pending: boolean;
  failed: FailedSubmit | null;
  onRetry: () => void;
  onDiscard: () => void;
  /** kept submits made for another account than the one in use */
  waiting?: PendingSubmit[];
  onDiscardWaiting?: (fingerprint: string) => void;
}) {
  const QuoteIcon = TONE_ICON[cost.orchestrator.tone];
  return (
    <div className="sticky bottom-0 z-10 border-t border-border bg-panel px-4 pt-2.5 pb-3">
      <section aria-label="Cost" className="mb-2.5 space-y-0.5 text-xs">
        <p className="flex items-baseline justify-between gap-2">
          <span className="tabular-nums text-muted">{cost.breakdown}</span>
        </p>
        {cost.premium && <p className="tabular-nums text-muted">{cost.premium}</p>}
        <p
          aria-live="polite"
          className={`flex items-center gap-1 tabular-nums ${TONE_CLASS[cost.orchestrator.tone]}`}
        >
          {QuoteIcon && <QuoteIcon aria-hidden="true" className="size-3.5 shrink-0" />}
          {cost.orchestrator.text}
        </p>
        <p className="tabular-nums text-muted">{cost.otherTier}</p>
      </section>

      {failed && (
        <div
          role="alert"
          className="mb-2.5 rounded-md border border-warning/40 bg-subtle px-2.5 py-2 text-xs"
        >
          <p className="text-foreground">{failed.message}</p>
          <div className="mt-1.5 flex gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={onRetry}
              // While the studio waits to retry by itself, Retry goes at once.
              disabled={pending && !failed.retrying}
              className="gap-1 border-border-strong px-2 disabled:opacity-50"
            >
              <RotateCw aria-hidden="true" className="size-3.5" />
              Retry
            </Button>
            <Button variant="ghost" size="sm" onClick={onDiscard} className="px-2 font-normal">
              Discard
            </Button>
          </div>
        </div>
      )}

      {waiting.length > 0 && onDiscardWaiting ? (
        <WaitingSubmits waiting={waiting} onDiscard={onDiscardWaiting} />
      ) : null}

      {blockedReason ? (
        <p id="generate-blocked" role="status" className="mb-2 text-xs text-muted">
          {blockedReason}
        </p>
      ) : risk ? (
        <p
          id="generate-risk"
          role="status"
          className="mb-2 flex items-start gap-1 text-xs text-warning"
        >
          <TriangleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
          {risk}
        </p>
      ) : null}
      {before}
      <Button
        variant="primary"
        size="lg"
        type="submit"
        disabled={pending || blockedReason !== null}
        aria-busy={pending || undefined}
        aria-describedby={blockedReason ? "generate-blocked" : risk ? "generate-risk" : undefined}
        className="w-full gap-2 font-semibold shadow-sm disabled:opacity-70 aria-busy:cursor-progress"
      >
        {pending ? (
          <Loader2 aria-hidden="true" className="size-4 animate-spin" />
        ) : (
          <Sparkles aria-hidden="true" className="size-4" />
        )}
        <span className="tabular-nums">{cost.generateLabel}</span>
      </Button>
      {children}
    </div>
  );
}
