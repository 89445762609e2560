"use client";
// The reference list proper, loaded on demand: rows in a dnd-kit sortable list
// (pointer and keyboard, announced), then what can be done with them as a set.
import { inQueryIsland } from "@/components/query-island";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { useMemo, useRef } from "react";
import {
  canRetry,
  forget,
  resumeChecks,
  retry,
  uploadInFlight,
  type ReferenceListApi,
} from "@/lib/client/references/add-pipeline";
import type { ReferenceEntry } from "@/lib/client/references/entry";
import {
  moveEntry,
  patchEntry,
  removeEntry,
  restoreEntry,
  setStrength,
} from "@/lib/client/references/list";
import { toast } from "@/lib/client/platform/toast";
import type { StyleSetOrigin } from "@/lib/client/references/sets";
import { SetActions } from "@/components/style-sets/set-actions";
import { ReferenceRow } from "./reference-row";

const INSTRUCTIONS =
  "To reorder, press Space or Enter on the handle, move with the arrow keys, press Space or Enter to drop it, or Escape to cancel.";

function ReferencePanelView({
  api,
  rows,
  origin,
}: {
  api: ReferenceListApi;
  rows: readonly ReferenceEntry[];
  origin: StyleSetOrigin | null;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = useMemo(() => rows.map((r) => r.key), [rows]);

  // dnd-kit speaks these in its live region; positions are 1-based like the row names.
  const announcements = useMemo<Announcements>(() => {
    const at = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;
    const name = (id: UniqueIdentifier) => rows.find((r) => r.key === id)?.label ?? "reference";
    const n = rows.length;
    return {
      onDragStart: ({ active }) =>
        `Picked up reference ${at(active.id)} of ${n}, ${name(active.id)}.`,
      onDragOver: ({ active, over }) =>
        over
          ? `${name(active.id)} is over position ${at(over.id)} of ${n}.`
          : `${name(active.id)} is not over the list.`,
      onDragEnd: ({ active, over }) =>
        over
          ? `${name(active.id)} dropped at position ${at(over.id)} of ${n}.`
          : `${name(active.id)} dropped.`,
      onDragCancel: ({ active }) =>
        `Reordering cancelled. ${name(active.id)} stays at position ${at(active.id)} of ${n}.`,
    };
  }, [ids, rows]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const list = api.get();
    const from = list.findIndex((r) => r.key === active.id);
    const to = list.findIndex((r) => r.key === over.id);
    api.set(moveEntry(list, from, to));
  };

  const remove = (key: string, index: number) => {
    const row = api.get().find((r) => r.key === key);
    if (!row) return;
    api.set(removeEntry(api.get(), key));
    // An upload keeps running until Undo is no longer offered, so Undo can bring the row back whole.
    let undone = false;
    const letGo = () => {
      if (!undone && row.status === "uploading") forget(key);
    };
    toast(`Removed reference ${index + 1}`, {
      description: row.label,
      action: {
        label: "Undo",
        onClick: () => {
          undone = undo(row, index);
          if (!undone) letGo();
        },
      },
      onAutoClose: letGo,
      onDismiss: letGo,
    });
    // Keep keyboard users in the list: the row that took this place, else the one before, else "Add image…".
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLElement>("[data-remove]");
      const target = buttons?.[Math.min(index, buttons.length - 1)];
      if (target) target.focus();
      else listRef.current?.closest("section")?.querySelector<HTMLElement>("button")?.focus();
    });
  };

  /** true when the row is back in the list */
  const undo = (row: ReferenceEntry, index: number): boolean => {
    // An upload that ended while the row was away lost its answer: say so rather than spin.
    const back =
      row.status === "uploading" && !uploadInFlight(row.key)
        ? {
            ...row,
            status: "error" as const,
            progress: null,
            message: "Its upload ended while it was removed: add the file again.",
          }
        : row;
    const next = restoreEntry(api.get(), back, index);
    if (!next) {
      toast.error("No room to put it back", {
        description: "At most 10 style references: remove one first.",
      });
      return false;
    }
    api.set(next);
    // A link check that answered while the row was away is asked again.
    if (back.status === "checking") resumeChecks(api);
    return true;
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol ref={listRef} aria-label="Style references, in order" className="space-y-1.5">
            {rows.map((row, index) => (
              <ReferenceRow
                key={row.key}
                row={row}
                index={index}
                canRetry={canRetry(row)}
                onStrength={(value) => api.set(setStrength(api.get(), row.key, value))}
                onStrengthInvalid={(message) => {
                  if ((row.strengthError ?? null) !== message) {
                    api.set(patchEntry(api.get(), row.key, { strengthError: message }));
                  }
                }}
                onRemove={() => remove(row.key, index)}
                onRetry={() => retry(api, row.key)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <SetActions api={api} rows={rows} origin={origin} />
    </>
  );
}

/** Loaded after hydration, with the query library: an island (components/query-island.tsx). */
export const ReferencePanel = inQueryIsland(ReferencePanelView);
