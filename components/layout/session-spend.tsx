"use client";

import { Zap } from "lucide-react";
import type { EngineKind } from "@/lib/contract/api";
import { formatBuzz } from "@/lib/contract/krea/pricing";
import { useSessionSpend } from "@/lib/client/builder/use-session-spend";
import dynamic from "next/dynamic";

const SessionGridsFollower = dynamic(
  () => import("./session-grids-follower").then((m) => m.SessionGridsFollower),
  { ssr: false },
);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Buzz actually charged for this tab's generations and grids (from their transactions). */
export function SessionSpend({ engine }: { engine: EngineKind }) {
  const { total, count, grids } = useSessionSpend();
  const what = [
    plural(count, "generation", "generations"),
    ...(grids.length > 0 ? [plural(grids.length, "grid", "grids")] : []),
  ].join(" and ");
  const note =
    engine === "local"
      ? "Local engine: no real Buzz is spent."
      : `Charged by Civitai for ${what} from this tab.`;
  return (
    <p
      className="flex shrink-0 items-center gap-1 text-xs text-muted"
      title={note}
      aria-live="polite"
    >
      {grids.length > 0 ? <SessionGridsFollower ids={grids} /> : null}
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
