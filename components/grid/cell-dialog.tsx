"use client";
// One cell opened (Enter): its image large, with where it sits in the grid and
// its status, Buzz and time.
import { X } from "lucide-react";
import { Dialog } from "radix-ui";
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
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/80" />
        <Dialog.Content className="fixed inset-4 z-50 flex flex-col gap-3 overflow-y-auto rounded-xl bg-panel p-4 outline-none">
          <div className="flex items-start gap-3">
            <div className="min-w-0 flex-1">
              <Dialog.Title className="text-sm font-semibold">{facts.place}</Dialog.Title>
              <Dialog.Description className="text-xs text-muted tabular-nums">
                {facts.status} · {facts.buzz}
                {facts.time ? ` · ${facts.time}` : ""}
                {cell.generation?.input?.seed !== undefined
                  ? ` · seed ${cell.generation.input.seed}`
                  : ""}
              </Dialog.Description>
              <p className="mt-1 text-xs">{cell.generation?.input?.prompt}</p>
            </div>
            <Dialog.Close
              aria-label="Close"
              className="grid size-8 place-items-center rounded-md hover:bg-subtle"
            >
              <X aria-hidden="true" className="size-4" />
            </Dialog.Close>
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
