"use client";
// A decision grid as the server runs it: progress n of N and Buzz spent against
// planned, Cancel, the matrix (third axis as tabs), pairs in the wipe view,
// winners per row or column with the summary, and the exports.
import { ArrowLeft, Copy, FileDown, ImageDown } from "lucide-react";
import Link from "next/link";
import { useEffect, useEffectEvent, useState } from "react";
import { useGridActions, usePlan } from "@/lib/client/grid/grid-api";
import { apiFetch } from "@/lib/client/platform/api-client";
import { toast } from "@/lib/client/platform/toast";
import { axisTitle, valueLabel } from "@/lib/contract/grid/grid";
import { gridLayout, sharedLine, summarizePicks, withPick } from "@/lib/contract/grid/picks";
import type { PlanView } from "@/lib/contract/grid/schema";
import { formatBuzz } from "@/lib/contract/krea/pricing";
import { WipeDialog } from "@/components/gallery/wipe-dialog";
import { cellFacts } from "@/lib/client/grid/cell-facts";
import { Button, buttonClass } from "@/components/ui/button";
import { GridMatrix } from "./grid-matrix";
import { CellDialog } from "./cell-dialog";

export function GridView({ id }: { id: string }) {
  const query = usePlan(id);
  const { cancel, savePicks } = useGridActions(id);
  const [tab, setTab] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [wipeOpen, setWipeOpen] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);
  const plan = query.data;
  const pick = (which: 0 | 1) => {
    const pair = plan && selected.length === 2 ? selected.map((i) => plan.cells[i]) : null;
    const [a, b] = pair ?? [];
    if (!plan || !a || !b) return;
    const line = sharedLine(a, b);
    if (!line) {
      toast.error("Pick between two cells of the same row or column.");
      return;
    }
    const cell = (which === 0 ? a : b).index;
    // A pick ends the pair: the next two cells start a new one.
    setSelected([]);
    savePicks(withPick(plan.picks, { ...line, cell })).catch((error: Error) =>
      toast.error("The pick was not saved", { description: error.message }),
    );
  };
  // 1 and 2 pick a pair's winner wherever focus is, unless a dialog (whose 1 zooms) is open.
  const onPickKey = useEffectEvent((event: KeyboardEvent) => {
    const target = event.target;
    if (target instanceof HTMLElement && target.closest("input, textarea, select, [data-cell]"))
      return;
    if (event.key === "1" || event.key === "2") pick(event.key === "1" ? 0 : 1);
  });
  const dialogOpen = wipeOpen || opened !== null;
  useEffect(() => {
    if (selected.length !== 2 || dialogOpen) return;
    const onKey = (event: KeyboardEvent) => onPickKey(event);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected.length, dialogOpen]);
  if (!plan) {
    return (
      <p role={query.isError ? "alert" : "status"} className="p-6 text-sm text-muted">
        {query.isError ? query.error.message : "Loading the grid…"}
      </p>
    );
  }
  const axes = plan.axes;
  const layout = gridLayout(axes);
  const summary = summarizePicks(axes, plan.cells, plan.picks);
  const pair = selected.length === 2 ? selected.map((i) => plan.cells[i]!) : null;
  const label = (i: number) => {
    const cell = plan.cells[i];
    return cell ? cellFacts(cell, layout).place : "";
  };

  const select = (index: number) => {
    const next = selected.includes(index)
      ? selected.filter((i) => i !== index)
      : [...selected, index].slice(-2);
    setSelected(next);
    const both = next.map((i) => plan.cells[i]?.generation);
    if (next.length === 2 && both.every((g) => g?.images.some((img) => img.available))) {
      setWipeOpen(true);
    }
  };
  const copyRequest = async () => {
    const body = await apiFetch<unknown>(`/api/plans/${encodeURIComponent(id)}/request`);
    await navigator.clipboard.writeText(JSON.stringify(body, null, 2));
    toast.success(`Copied ${plan.cells.length} workflow bodies`, {
      description: "No token is included; add your own Authorization header.",
    });
  };

  const focusCell = (index: number) =>
    document.querySelector<HTMLElement>(`[data-cell="${index}"]`)?.focus();

  const running = plan.state === "running";
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-4 px-4 py-5 md:px-6">
      <div className="flex flex-wrap items-start gap-3">
        <Link href="/" className={buttonClass({ variant: "ghost", size: "md" })}>
          <ArrowLeft aria-hidden="true" className="size-4" /> Studio
        </Link>
        <div className="min-w-0 flex-1">
          <h1 className="text-lg font-semibold">Grid: {plan.title}</h1>
          <p className="truncate text-xs text-muted">{plan.spec.base.prompt}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {running ? (
            <Button
              onClick={() =>
                void cancel().catch((e: Error) =>
                  toast.error("Cancel failed", { description: e.message }),
                )
              }
              variant="danger"
              size="md"
              className="border border-danger"
            >
              Cancel grid
            </Button>
          ) : null}
          <Button
            onClick={() =>
              void copyRequest().catch((e: Error) =>
                toast.error("Could not copy", { description: e.message }),
              )
            }
            size="md"
          >
            <Copy aria-hidden="true" className="size-4" /> Copy as API request
          </Button>
          <a
            href={`/api/plans/${encodeURIComponent(id)}/sheet?format=pdf`}
            className={buttonClass({ size: "md" })}
          >
            <FileDown aria-hidden="true" className="size-4" /> Contact sheet (PDF)
          </a>
          <a
            href={`/api/plans/${encodeURIComponent(id)}/sheet?format=png`}
            className={buttonClass({ size: "md" })}
          >
            <ImageDown aria-hidden="true" className="size-4" /> PNG
          </a>
        </div>
      </div>
      <Progress plan={plan} />
      <section aria-label="Picks" className="rounded-lg border border-border p-3 text-sm">
        <div aria-live="polite">
          {summary.length > 0 ? (
            <ul>
              {summary.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">
              No winners yet: select two cells of a row or column (click or Space), compare them,
              then press 1 or 2 (or Pick in the wipe view) to choose the winner.
            </p>
          )}
        </div>
        {pair ? (
          <div
            role="group"
            aria-label="Selected pair"
            className="mt-2 flex flex-wrap items-center gap-2"
          >
            <Button onClick={() => setWipeOpen(true)} size="md">
              Compare in wipe view
            </Button>
            <Button onClick={() => pick(0)} size="md">
              1 · Pick {label(pair[0]!.index)}
            </Button>
            <Button onClick={() => pick(1)} size="md">
              2 · Pick {label(pair[1]!.index)}
            </Button>
            <Button onClick={() => setSelected([])} variant="ghost" size="md">
              Clear selection
            </Button>
          </div>
        ) : null}
      </section>
      {layout.tabs ? (
        <div role="tablist" aria-label={axisTitle(layout.tabs)} className="flex gap-1">
          {layout.tabs.values.map((_, t) => (
            <Button
              key={t}
              role="tab"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              variant={tab === t ? "primary" : "secondary"}
              size="md"
            >
              {layout.tabs!.kind === "seed" ? "Seed " : ""}
              {valueLabel(layout.tabs!, t)}
            </Button>
          ))}
        </div>
      ) : null}
      <div role={layout.tabs ? "tabpanel" : undefined}>
        <GridMatrix
          cells={plan.cells}
          layout={layout}
          tab={tab}
          picks={plan.picks}
          selected={selected}
          onSelect={select}
          onOpen={setOpened}
          onPickKey={pick}
        />
      </div>
      {wipeOpen && pair && pair[0]?.generation && pair[1]?.generation ? (
        <WipeDialog
          medium={pair[0].generation}
          large={pair[1].generation}
          index={0}
          labels={[label(pair[0].index), label(pair[1].index)]}
          onClose={() => setWipeOpen(false)}
          // Opened by selecting, not by a trigger: back to the cell selected last.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            focusCell(pair[1]!.index);
          }}
          // In here 1 zooms to 100 %, so the pick is a button.
          actions={([0, 1] as const).map((which) => (
            <Button
              key={which}
              size="md"
              onClick={() => {
                const cell = pair[which]!.index;
                pick(which);
                setWipeOpen(false);
                // The pick clears the pair, which unmounts the dialog before it can hand focus back.
                requestAnimationFrame(() => focusCell(cell));
              }}
              variant="bare"
              className="rounded-md bg-white/10 font-medium text-white hover:bg-white/20"
            >
              Pick {label(pair[which]!.index)}
            </Button>
          ))}
        />
      ) : null}
      {opened !== null && plan.cells[opened] ? (
        <CellDialog cell={plan.cells[opened]} layout={layout} onClose={() => setOpened(null)} />
      ) : null}
    </div>
  );
}

function Progress({ plan }: { plan: PlanView }) {
  const n = plan.cells.length;
  const state = plan.state === "running" ? "Running" : plan.state === "done" ? "Done" : "Canceled";
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label="Cells done"
        aria-valuemin={0}
        aria-valuemax={n}
        aria-valuenow={plan.done}
        className="h-1.5 w-full overflow-hidden rounded bg-subtle"
      >
        <div
          className="h-full bg-accent"
          style={{ width: `${(plan.done / Math.max(1, n)) * 100}%` }}
        />
      </div>
      <p className="text-xs tabular-nums" aria-live="polite">
        {state} · {plan.done} of {n} done · {formatBuzz(plan.spent)} of {formatBuzz(plan.planned)}{" "}
        Buzz spent
      </p>
    </div>
  );
}
