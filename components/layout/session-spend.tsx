"use client";

import { Zap } from "lucide-react";
import type { EngineKind } from "@/lib/contract/api";
import { formatBuzz } from "@/lib/contract/krea/pricing";
import { useSessionSpend } from "@/lib/client/builder/use-session-spend";

/** Buzz actually charged for this tab's generations (from their transactions). */
export function SessionSpend({ engine }: { engine: EngineKind }) {
  const { total, count } = useSessionSpend();
  const note =
    engine === "local"
      ? "Local engine: no real Buzz is spent."
      : `Charged by Civitai for ${count} ${count === 1 ? "generation" : "generations"} from this tab.`;
  return (
    <p
      className="flex shrink-0 items-center gap-1 text-xs text-muted"
      title={note}
      aria-live="polite"
    >
      <Zap aria-hidden="true" className="size-3.5" />
      <span className="hidden sm:inline">Spent this session:</span>
      <span className="sm:hidden">Spent:</span>
      <span className="font-medium tabular-nums text-foreground">{formatBuzz(total)} Buzz</span>
      <span className="sr-only">. {note}</span>
      {engine === "local" && (
        <span className="hidden text-[11px] xl:inline">(local, not real)</span>
      )}
    </p>
  );
}
