"use client";

import { CloudOff } from "lucide-react";
import { useNow } from "@/lib/client/platform/use-now";
import { healthNotice, useOrchestratorHealth } from "@/lib/client/platform/use-orchestrator-health";

/** Shown in the header while the studio has paused calls to a failing orchestrator. */
export function OrchestratorStatus() {
  const { data } = useOrchestratorHealth();
  const now = useNow(1000);
  const notice = healthNotice(data, now);
  return (
    <span role="status" aria-live="polite" className="contents">
      {notice && (
        <span className="inline-flex min-w-0 items-center gap-1.5 rounded-full border border-warning/40 bg-warning/10 px-2 py-0.5 text-xs font-medium text-warning">
          <CloudOff aria-hidden="true" className="size-3.5 shrink-0" />
          <span className="truncate">{notice}</span>
        </span>
      )}
    </span>
  );
}
