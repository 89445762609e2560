"use client";
// One reference: drag handle, thumbnail, name and state, strength, Remove.
import { Button } from "@/components/ui/button";
import { useSortable } from "@dnd-kit/sortable";
import { CircleAlert, GripVertical, Loader2, RotateCw, TriangleAlert, X } from "lucide-react";
import type { ReferenceEntry } from "@/lib/client/references/entry";
import { ReferenceThumb } from "./reference-thumb";
import { StrengthControl } from "./strength-control";

export function ReferenceRow({
  row,
  index,
  canRetry,
  onStrength,
  onStrengthInvalid,
  onRemove,
  onRetry,
}: {
  row: ReferenceEntry;
  index: number;
  canRetry: boolean;
  onStrength: (value: number) => void;
  onStrengthInvalid: (message: string | null) => void;
  onRemove: () => void;
  onRetry: () => void;
}) {
  const n = index + 1;
  const {
    setNodeRef,
    setActivatorNodeRef,
    attributes,
    listeners,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: row.key });
  // The list only moves up and down; a sideways drag would just look loose.
  const style = {
    transform: transform ? `translate3d(0, ${Math.round(transform.y)}px, 0)` : undefined,
    transition,
  };
  const messageId = `ref-${row.key}-message`;
  const tone =
    row.status === "error"
      ? "text-danger"
      : row.status === "warning"
        ? "text-warning"
        : "text-muted";

  return (
    <li
      ref={setNodeRef}
      style={style}
      aria-label={`Reference ${n}: ${row.label}`}
      className={`relative rounded-md border bg-raised py-1.5 pr-1 pl-0.5 ${
        isDragging
          ? "z-10 border-accent shadow-lg"
          : row.status === "error"
            ? "border-danger/50"
            : "border-border"
      }`}
    >
      <div className="flex items-start gap-1.5">
        <Button
          variant="bare"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Reorder reference ${n}`}
          className="mt-2.5 flex h-7 w-5 shrink-0 cursor-grab touch-none items-center justify-center rounded-sm text-muted hover:bg-subtle hover:text-foreground active:cursor-grabbing"
        >
          <GripVertical aria-hidden="true" className="size-4" />
        </Button>
        <ReferenceThumb row={row} />
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-1">
            <p
              className="min-w-0 flex-1 truncate text-xs font-medium"
              title={row.imageUrl || row.label}
            >
              <span className="mr-1 text-muted tabular-nums">{n}.</span>
              {row.label}
            </p>
            {canRetry ? (
              <Button
                variant="icon"
                size="sm"
                onClick={onRetry}
                aria-label={`Retry reference ${n}`}
                title="Retry"
              >
                <RotateCw aria-hidden="true" className="size-3.5" />
              </Button>
            ) : null}
            <Button
              variant="icon"
              size="sm"
              data-remove
              onClick={onRemove}
              aria-label={`Remove reference ${n}`}
              title="Remove"
            >
              <X aria-hidden="true" className="size-4" />
            </Button>
          </div>
          <RowStatus row={row} id={messageId} tone={tone} />
          <StrengthControl
            id={row.key}
            index={index}
            value={row.strength}
            onChange={onStrength}
            onInvalid={onStrengthInvalid}
            describedBy={row.message ? messageId : undefined}
          />
        </div>
      </div>
    </li>
  );
}

function RowStatus({ row, id, tone }: { row: ReferenceEntry; id: string; tone: string }) {
  if (row.status === "uploading") {
    const percent = Math.round((row.progress ?? 0) * 100);
    return (
      <div className="mt-0.5 flex items-center gap-2 text-[11px] text-muted">
        <div
          role="progressbar"
          aria-label={`Uploading ${row.label}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-1 flex-1 overflow-hidden rounded-full bg-border"
        >
          <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <span className="tabular-nums">
          {percent < 100 ? `Uploading ${percent}%` : "Processing…"}
        </span>
      </div>
    );
  }
  if (row.status === "checking") {
    return (
      <p className="mt-0.5 flex items-center gap-1 text-[11px] text-muted">
        <Loader2 aria-hidden="true" className="size-3 animate-spin" />
        Checking the link…
      </p>
    );
  }
  if (!row.message) return null;
  const Icon = row.status === "error" ? CircleAlert : TriangleAlert;
  return (
    <p id={id} className={`mt-0.5 flex gap-1 text-[11px] leading-snug ${tone}`}>
      <Icon aria-hidden="true" className="mt-px size-3 shrink-0" />
      <span className="line-clamp-3 break-words" title={row.message}>
        {row.message}
      </span>
    </p>
  );
}
