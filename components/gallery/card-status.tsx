"use client";
// The state line of a card: live progress with Cancel while a generation runs,
// and a plain statement of why it ended when it did not succeed.
import { Button } from "@/components/ui/button";
import { clsx } from "clsx";
import { Ban, Clock, ShieldAlert, TriangleAlert, Unplug, type LucideIcon } from "lucide-react";
import { formatDuration, statusLabel, type StatusTone } from "@/lib/client/gallery/format";
import { estimateProgress } from "@/lib/client/gallery/progress";
import type { Generation } from "@/lib/contract/generations/types";
import { useCancelGeneration } from "@/lib/client/gallery/use-cancel-generation";
import { useNow } from "@/lib/client/platform/use-now";

export const TONE_TEXT: Record<StatusTone, string> = {
  neutral: "text-muted",
  success: "text-success",
  danger: "text-danger",
  warning: "text-warning",
};

/** Smooth enough with the bar's CSS transition, cheap enough for many cards. */
const PROGRESS_TICK_MS = 500;

function queueText(g: Generation): string | null {
  if (g.queuePosition === null) return g.startedAt ? null : "waiting for a worker";
  return g.queuePosition === 0 ? "next in queue" : `${g.queuePosition} ahead in queue`;
}

export function CardProgress({ generation: g, id }: { generation: Generation; id: string }) {
  const now = useNow(PROGRESS_TICK_MS);
  const { cancel, pending } = useCancelGeneration(g.id);
  const estimate = estimateProgress(g, now);
  const percent = Math.round(estimate.fraction * 100);
  const elapsed = formatDuration(estimate.elapsedSeconds);
  const queue = estimate.phase === "queued" ? queueText(g) : null;
  const batch =
    estimate.imagesTotal > 1 ? `${estimate.imagesDone} of ${estimate.imagesTotal} images` : null;
  const details = [estimate.phase === "queued" ? null : `${percent}%`, queue, batch, elapsed]
    .filter(Boolean)
    .join(" · ");

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex min-h-7 items-center gap-2 text-xs">
        <span
          aria-hidden="true"
          className="size-1.5 shrink-0 rounded-full bg-accent motion-safe:animate-pulse"
        />
        <p id={id} className="min-w-0 flex-1 truncate">
          <span className="font-medium">{pending ? "Canceling…" : statusLabel(g).label}</span>
          <span className="text-muted"> · {details}</span>
        </p>
        <Button
          variant="secondary"
          size="none"
          onClick={cancel}
          disabled={pending}
          className="bg-transparent px-2 py-0.5 text-xs hover:border-border-strong disabled:cursor-default"
        >
          {pending ? "Canceling…" : "Cancel"}
        </Button>
      </div>
      <div
        role="progressbar"
        aria-label="Generation progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%, ${elapsed} elapsed${queue ? `, ${queue}` : ""}`}
        className="h-1 overflow-hidden rounded-full bg-subtle"
      >
        <div
          className="h-full rounded-full bg-accent transition-[width] duration-500 ease-linear"
          style={{ width: `${Math.max(2, percent)}%` }}
        />
      </div>
    </div>
  );
}

const OUTCOME_ICON: Partial<Record<Generation["status"], LucideIcon>> = {
  failed: TriangleAlert,
  canceled: Ban,
  expired: Clock,
};

/** Why a generation ended without (all of) its images, or why it can no longer be followed. */
export function CardOutcome({
  generation: g,
  id,
  lostReason,
}: {
  generation: Generation;
  id: string;
  lostReason?: string;
}) {
  const status = lostReason
    ? { label: "No longer on the orchestrator", tone: "warning" as const }
    : statusLabel(g);
  const Icon = lostReason
    ? Unplug
    : g.blocked
      ? ShieldAlert
      : (OUTCOME_ICON[g.status] ?? TriangleAlert);
  // "Canceled. Images that…" under the label "Canceled" would say it twice.
  const reason = (lostReason ?? g.failureReason)?.replace(
    new RegExp(`^${status.label}\\.\\s*`),
    "",
  );
  return (
    <div className="rounded-md bg-subtle px-2.5 py-2 text-xs">
      <p id={id} className={clsx("flex items-center gap-1.5 font-medium", TONE_TEXT[status.tone])}>
        <Icon aria-hidden="true" className="size-3.5 shrink-0" />
        {status.label}
      </p>
      {reason ? <p className="mt-0.5 leading-relaxed text-muted">{reason}</p> : null}
    </div>
  );
}
