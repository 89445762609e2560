"use client";
// The spend summary's panel: what the orchestrator charged, today / this week /
// all time, by tier, and the limit above which a click asks before spending.
// Loaded when the popover first opens (issue 18: not part of the first load).
import { inQueryIsland } from "@/components/query-island";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  DEFAULT_CONFIRM_ABOVE,
  localStore,
  readConfirmAbove,
  writeConfirmAbove,
} from "@/lib/client/builder/spend-threshold";
import {
  localBoundaries,
  type SpendBucket,
  type SpendSummary,
} from "@/lib/contract/generations/spend";
import { apiFetch } from "@/lib/client/platform/api-client";
import { formatBuzz } from "@/lib/contract/krea/pricing";

const COLUMNS: { key: "today" | "week" | "all"; label: string }[] = [
  { key: "today", label: "Today" },
  { key: "week", label: "This week" },
  { key: "all", label: "All time" },
];
const ROWS: { key: keyof SpendBucket; label: string }[] = [
  { key: "medium", label: "Medium" },
  { key: "large", label: "Large" },
  { key: "total", label: "Total" },
];

function SpendSummaryPanelView({ open }: { open: boolean }) {
  return (
    <>
      {open ? <SpendTable /> : null}
      <ConfirmLimit />
    </>
  );
}

function SpendTable() {
  const spend = useQuery({
    queryKey: ["spend"],
    queryFn: ({ signal }) => {
      const b = localBoundaries();
      const q = new URLSearchParams({
        today: new Date(b.today).toISOString(),
        week: new Date(b.week).toISOString(),
      });
      return apiFetch<SpendSummary>(`/api/spend?${q}`, { signal });
    },
    staleTime: 30_000,
  });
  if (spend.isPending) return <p className="py-6 text-center text-muted">Adding up charges…</p>;
  if (spend.isError) {
    return (
      <p role="alert" className="py-3 text-danger">
        Couldn’t read the charges: {spend.error.message}{" "}
        <Button variant="bare" onClick={() => void spend.refetch()} className="underline">
          Retry
        </Button>
      </p>
    );
  }
  const s = spend.data;
  return (
    <>
      <table className="w-full tabular-nums">
        <caption className="pb-2 text-left text-sm font-semibold">Buzz charged</caption>
        <thead>
          <tr className="text-muted">
            <th scope="col" className="text-left font-normal">
              <span className="sr-only">Tier</span>
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="pb-1 text-right font-normal">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr
              key={r.key}
              className={r.key === "total" ? "border-t border-border font-semibold" : ""}
            >
              <th scope="row" className="py-1 text-left font-medium">
                {r.label}
              </th>
              {COLUMNS.map((c) => (
                <td key={c.key} className="py-1 text-right">
                  {formatBuzz(s[c.key][r.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-[11px] text-muted">
        {s.complete
          ? `From ${s.scanned.toLocaleString("en-US")} generations on the orchestrator.`
          : `All time covers the latest ${s.scanned.toLocaleString("en-US")} generations.`}
      </p>
    </>
  );
}

function ConfirmLimit() {
  const [limit, setLimit] = useState(() => String(readConfirmAbove(localStore())));
  const id = useId();
  const save = (text: string) => {
    setLimit(text);
    if (/^\d{1,7}$/.test(text)) writeConfirmAbove(localStore(), Number(text));
  };
  return (
    <div className="mt-3 flex items-center gap-2 border-t border-border pt-3 text-muted">
      <label htmlFor={id}>Ask before spending more than</label>
      <input
        id={id}
        inputMode="numeric"
        value={limit}
        onChange={(e) => save(e.target.value.replace(/\D/g, "").slice(0, 7))}
        onBlur={() => limit === "" && save(String(DEFAULT_CONFIRM_ABOVE))}
        className={cn(controlClass, "h-7 w-20 px-2 text-right tabular-nums")}
      />
      <span>Buzz</span>
    </div>
  );
}

/** Loaded after hydration, with the query library: an island (components/query-island.tsx). */
export const SpendSummaryPanel = inQueryIsland(SpendSummaryPanelView);
