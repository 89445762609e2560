"use client";
// The grid builder: up to three axes over the builder's settings, the cell
// count and the exact total before anything is sent (the local price table,
// confirmed by the orchestrator's whatif once per price class), the spend limit,
// and Start, which hands the whole grid to the server as one plan.
import { inQueryIsland } from "@/components/query-island";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogFooter,
  DialogHeader,
  DialogClose,
} from "@/components/ui/dialog";
import { buttonClass } from "@/components/ui/button";
import { AxisEditor } from "./axis-editor";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import {
  localStore,
  readConfirmAbove,
  writeConfirmAbove,
} from "@/lib/client/builder/spend-threshold";
import {
  draftToAxis,
  newDraft,
  rememberDrafts,
  rememberedDrafts,
  type AxisDraft,
  type DraftKind,
  DRAFT_KINDS,
} from "@/lib/client/grid/axis-draft";
import { newGridKey, startGrid, usePriceCheck } from "@/lib/client/grid/grid-api";
import { recordGridStarted } from "@/lib/client/builder/session-spend";
import { notifySessionSpend } from "@/lib/client/builder/use-session-spend";
import { sessionStore } from "@/lib/client/platform/session-store";
import { ApiError } from "@/lib/client/platform/api-client";
import { hasAlternations } from "@/lib/contract/grid/alternations";
import {
  axisTitle,
  CELL_CAP_REASON,
  expandGrid,
  GRID_AXES_MAX,
  priceClasses,
  valueLabel,
  type GridSpec,
} from "@/lib/contract/grid/grid";
import { randomSeed } from "@/lib/contract/krea/options";
import { formatBuzz } from "@/lib/contract/krea/pricing";
import type { SeededKreaInput } from "@/lib/contract/grid/grid";

const CHECK_TEXT = {
  checking: "checking with the orchestrator…",
  confirmed: "confirmed by the orchestrator",
  differs: "the orchestrator quotes a different figure",
  unavailable: "the orchestrator could not confirm it",
} as const;

function GridDialogView({
  base,
  baseStyleSet,
  onClose,
}: {
  base: SeededKreaInput;
  baseStyleSet: { id: string; version: number } | null;
  onClose: () => void;
}) {
  const router = useRouter();
  const [drafts, setDrafts] = useState<AxisDraft[]>(() => [
    ...(rememberedDrafts() ?? [newDraft("size", randomSeed), newDraft("creativity", randomSeed)]),
  ]);
  useEffect(() => rememberDrafts(drafts), [drafts]);
  const [alternations, setAlternations] = useState(() => hasAlternations(base.prompt));
  const [limit, setLimit] = useState(() => readConfirmAbove(localStore()));
  const [key] = useState(newGridKey);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);

  const results = drafts.map(draftToAxis);
  const axes = results.flatMap((r) => (r.ok ? [r.axis] : []));
  // At most 64 cells: expanding on every render is cheaper than keeping it in sync.
  const spec: GridSpec = {
    base,
    baseStyleSet: baseStyleSet ? { ...baseStyleSet, name: "" } : null,
    alternations,
    axes,
  };
  const expansion = expandGrid(spec);
  const grid = expansion.ok ? expansion.grid : null;
  const classes = grid ? priceClasses(grid) : [];
  const checks = usePriceCheck(classes);
  const problems = expansion.ok ? [] : Object.values(expansion.errors).flat();
  const draftsOk = results.every((r) => r.ok);
  const overLimit = grid !== null && grid.total > limit;
  const canStart = grid !== null && draftsOk && !overLimit && !sending;

  const usedKinds = drafts.map((d) => d.kind);
  const setDraft = (i: number, next: AxisDraft) =>
    setDrafts((all) => all.map((d, k) => (k === i ? next : d)));
  const alternationAxes = grid?.axes.filter((a) => a.kind === "alternation").length ?? 0;
  const freeKind = DRAFT_KINDS.find((k) => !usedKinds.includes(k) && k !== "strength");

  const start = async () => {
    if (!grid) return;
    setSending(true);
    setSendError(null);
    try {
      const plan = await startGrid(spec, grid.total, key);
      recordGridStarted(sessionStore(), plan.id);
      notifySessionSpend();
      router.push(`/grids/${plan.id}`);
    } catch (error) {
      setSendError(
        error instanceof ApiError || error instanceof Error
          ? error.message
          : "The grid could not be started.",
      );
      setSending(false);
    }
  };

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className="flex max-h-[calc(100dvh-2rem)] w-[min(34rem,calc(100vw-2rem))] flex-col p-0">
        <div className="overflow-y-auto p-5">
          <DialogHeader
            title="Decision grid"
            description={`Up to ${GRID_AXES_MAX} axes; everything else comes from the builder. The server sends every cell once, paced, and keeps going if you close the tab.`}
          />
          <div className="mt-3 flex flex-col gap-2">
            {drafts.map((d, i) => {
              const r = results[i];
              return (
                <AxisEditor
                  key={i}
                  n={i + 1}
                  draft={d}
                  message={r && !r.ok ? r.message : null}
                  referenceCount={base.imageStyleReferences.length}
                  usedKinds={usedKinds}
                  onChange={(next) => setDraft(i, next)}
                  onKind={(kind: DraftKind) => setDraft(i, newDraft(kind, randomSeed))}
                  onRemove={() => setDrafts((all) => all.filter((_, k) => k !== i))}
                />
              );
            })}
            {drafts.length + alternationAxes < GRID_AXES_MAX && freeKind ? (
              <Button
                size="md"
                onClick={() => setDrafts((all) => [...all, newDraft(freeKind, randomSeed)])}
                className="self-start"
              >
                Add axis
              </Button>
            ) : null}
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={alternations}
                onChange={(e) => setAlternations(e.target.checked)}
              />
              <span>
                Read <code>{"{a|b}"}</code> in the prompt as axes
                <span className="block text-xs text-muted">
                  Each group is one axis; nest groups inside an option, write \{"{"} for a literal
                  brace, leave an option empty with <code>{"{red|}"}</code>.
                </span>
              </span>
            </label>
            {/* The prompt's groups are axes too: listed, so the count above them adds up. */}
            {grid?.axes.map((axis, i) =>
              axis.kind === "alternation" ? (
                <p key={i} className="rounded-lg border border-border px-3 py-2 text-sm">
                  <span className="font-medium">
                    Axis {i + 1}: {axisTitle(axis)}
                  </span>{" "}
                  <span className="text-muted">(from the prompt)</span>
                  <span className="block text-xs">
                    {axis.values.map((_, v) => valueLabel(axis, v) || "(empty)").join(" · ")}
                  </span>
                </p>
              ) : null,
            )}
          </div>
          <div role="status" aria-live="polite" className="mt-3 rounded-lg bg-subtle p-3 text-sm">
            {!draftsOk ? (
              // A count without the invalid axis would understate what the grid will cost.
              <p>
                The cost shows once every axis is valid: fix axis{" "}
                {results.flatMap((r, i) => (r.ok ? [] : [i + 1])).join(", ")} above.
              </p>
            ) : grid ? (
              <>
                <p className="font-semibold tabular-nums">
                  {grid.cells.length} cells · {formatBuzz(grid.total)} Buzz
                </p>
                <ul className="mt-1 text-xs text-muted">
                  {classes.map((c, i) => (
                    <li key={i}>
                      {c.cells} × {c.size}
                      {c.hasReferences ? " with references" : ""}
                      {c.quantity > 1 ? ` × ${c.quantity} images` : ""} at {formatBuzz(c.cost)} Buzz
                      — {CHECK_TEXT[checks[i] ?? "checking"]}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <ul className="text-danger">
                {problems.map((p) => (
                  <li key={p}>{p.charAt(0).toUpperCase() + p.slice(1)}</li>
                ))}
              </ul>
            )}
            <p className="mt-1 text-xs text-muted">{CELL_CAP_REASON}</p>
          </div>
          {overLimit && grid ? (
            <div role="alert" className="mt-3 rounded-lg border border-danger p-3 text-sm">
              <p>
                This grid costs {formatBuzz(grid.total)} Buzz, above your limit of{" "}
                {formatBuzz(limit)} Buzz. It cannot be sent until you raise the limit.
              </p>
              <Button
                size="md"
                onClick={() => {
                  writeConfirmAbove(localStore(), grid.total);
                  setLimit(readConfirmAbove(localStore()));
                }}
                className="mt-2"
              >
                Raise my limit to {formatBuzz(grid.total)} Buzz
              </Button>
            </div>
          ) : null}
          {sendError ? (
            <p role="alert" className="mt-3 text-sm text-danger">
              {sendError}
            </p>
          ) : null}
        </div>
        <DialogFooter className="mt-0 border-t border-border p-3">
          <DialogClose className={buttonClass({ variant: "ghost", size: "md" })}>
            Cancel
          </DialogClose>
          <Button
            variant="primary"
            size="md"
            disabled={!canStart}
            onClick={() => void start()}
            className="tabular-nums"
          >
            {sending ? "Starting…" : `Start grid · ${grid ? formatBuzz(grid.total) : "—"} Buzz`}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Loaded after hydration, with the query library: an island (components/query-island.tsx). */
export const GridDialog = inQueryIsland(GridDialogView);
