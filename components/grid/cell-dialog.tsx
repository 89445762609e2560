"use client";
// One cell opened (Enter): its image large, with where it sits in the grid and
// its status, Buzz and time.
import {
  Dialog,
  DialogCloseButton,
  DialogContent,
  DialogDescription,
  DialogTitle,
} from "@/components/ui/dialog";
import { cellFacts } from "@/lib/client/grid/cell-facts";
import type { GridLayout } from "@/lib/contract/grid/picks";
import type { PlanCellView } from "@/lib/contract/grid/schema";

export function CellDialog({
  cell,
  layout,
  onClose,
}: {
  cell: PlanCellView;
  layout: GridLayout;
  onClose: () => void;
}) {
  const facts = cellFacts(cell, layout);
  const images = cell.generation?.images.filter((i) => i.available && i.url) ?? [];
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        layout="stage"
        className="inset-4 flex flex-col gap-3 overflow-y-auto rounded-xl bg-panel p-4"
      >
        <div className="flex items-start gap-3">
          <div className="min-w-0 flex-1">
            <DialogTitle className="text-sm">{facts.place}</DialogTitle>
            <DialogDescription className="mt-0 text-xs tabular-nums">
              {facts.status} · {facts.buzz}
              {facts.time ? ` · ${facts.time}` : ""}
              {cell.generation?.input?.seed !== undefined
                ? ` · seed ${cell.generation.input.seed}`
                : ""}
            </DialogDescription>
            <p className="mt-1 text-xs">{cell.generation?.input?.prompt}</p>
          </div>
          <DialogCloseButton />
        </div>
        <div className="grid min-h-0 flex-1 place-items-center gap-2 md:grid-flow-col">
          {images.length === 0 ? (
            <p className="text-sm text-muted">{facts.status}</p>
          ) : (
            images.map((image, i) => (
              // eslint-disable-next-line @next/next/no-img-element -- a signed orchestrator URL
              <img
                key={image.id}
                src={image.url ?? ""}
                alt={`${facts.place}, image ${i + 1} of ${images.length}`}
                className="max-h-[70dvh] max-w-full object-contain"
              />
            ))
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
