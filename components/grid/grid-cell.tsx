"use client";
// One cell of the matrix: its image (or what it is waiting for), status, Buzz
// and time. A button: click or Space selects it for a pair, Enter opens it.
import { Trophy } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { KeyboardEvent, Ref } from "react";
import { cellFacts, cellName } from "@/lib/client/grid/cell-facts";
import type { GridLayout } from "@/lib/contract/grid/picks";
import type { PlanCellView } from "@/lib/contract/grid/schema";

const TONE = {
  neutral: "text-muted",
  success: "text-success",
  danger: "text-danger",
  warning: "text-warning",
} as const;

export function GridCell({
  cell,
  layout,
  selected,
  winner,
  focused,
  buttonRef,
  onSelect,
  onKeyDown,
  onFocus,
}: {
  cell: PlanCellView;
  layout: GridLayout;
  selected: boolean;
  /** "row", "column" or both, when this cell was picked */
  winner: string | null;
  focused: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
  onSelect: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onFocus: () => void;
}) {
  const facts = cellFacts(cell, layout);
  const image = cell.generation?.images.find((i) => i.available && (i.previewUrl || i.url));
  const name = `${cellName(facts)}${winner ? `, winner of its ${winner}` : ""}`;
  return (
    <Button
      variant="bare"
      size="none"
      ref={buttonRef}
      aria-label={name}
      aria-pressed={selected}
      tabIndex={focused ? 0 : -1}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-cell={cell.index}
      className={`group relative flex w-full flex-col overflow-hidden rounded-md border bg-raised text-left ${selected ? "border-accent ring-2 ring-accent" : "border-border"} focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent`}
    >
      <div className="relative aspect-square w-full bg-subtle">
        {image ? (
          // eslint-disable-next-line @next/next/no-img-element -- a signed orchestrator URL
          <img
            src={image.previewUrl ?? image.url ?? ""}
            alt=""
            loading="lazy"
            className={`size-full object-cover ${image.mature ? "blur-xl" : ""}`}
          />
        ) : (
          <div className="grid size-full place-items-center p-2 text-center text-[11px] text-muted">
            {facts.status}
          </div>
        )}
        {winner ? (
          <span className="absolute top-1 left-1 inline-flex items-center gap-1 rounded bg-accent px-1 text-[10px] font-semibold text-accent-foreground">
            <Trophy aria-hidden="true" className="size-3" /> Winner
          </span>
        ) : null}
      </div>
      <div className="flex flex-col gap-0.5 p-1.5 text-[11px] tabular-nums">
        <span className={`truncate ${TONE[facts.tone]}`}>{facts.status}</span>
        <span className="text-muted">
          {facts.buzz}
          {facts.time ? ` · ${facts.time}` : ""}
        </span>
      </div>
    </Button>
  );
}
