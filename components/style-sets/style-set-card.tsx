"use client";
// One set on the Style sets page: name (rename in place), note, its references
// with their strengths (edited in place: strength, order, remove), when it
// changed, and what can be done with it.
import { flushSync } from "react-dom";
import { Button, buttonClass } from "@/components/ui/button";
import {
  Copy,
  Download,
  History,
  Images,
  Pencil,
  SlidersHorizontal,
  Trash2,
  TriangleAlert,
  Wand2,
} from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "@/lib/client/platform/toast";
import { formatRelative } from "@/lib/client/gallery/format";
import { useNow } from "@/lib/client/platform/use-now";
import { useStyleSetHealth } from "@/lib/client/references/use-style-set-health";
import { useStyleSetChanges, useStyleSets } from "@/lib/client/references/use-style-sets";
import { nameClash } from "@/lib/contract/style-sets/names";
import { formatStrength, strengthDirection } from "@/lib/contract/references/strength";
import { lostIndices, lostSummary } from "@/lib/contract/style-sets/health";
import { STYLE_SET_NAME_MAX, STYLE_SET_NOTE_MAX } from "@/lib/contract/style-sets/limits";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { InlineEdit } from "./inline-edit";
import { ReferenceEditor } from "./reference-editor";
import { StatusBadge } from "./status-badge";

export function StyleSetCard({ set, onDelete }: { set: StyleSet; onDelete: () => void }) {
  const changes = useStyleSetChanges();
  const all = useStyleSets().data;
  const now = useNow(30_000);
  const [editing, setEditing] = useState<"name" | "note" | "references" | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const referencesButton = useRef<HTMLButtonElement>(null);
  const noteButton = useRef<HTMLButtonElement>(null);
  const refs = set.references;
  const health = useStyleSetHealth(set);
  const lost = new Set(lostIndices(health.data ?? []));
  const lostText = lostSummary([...lost], refs);

  const save = async (field: "name" | "note", value: string) => {
    await changes.update(set, { [field]: value });
    // After an await React may commit later than the next frame: commit now, so the
    // button to return focus to exists.
    flushSync(() => setEditing(null));
    toast.success(
      field === "name" ? `Renamed to “${value.trim()}”` : `Note saved for “${set.name}”`,
    );
    (field === "name" ? renameButton : noteButton).current?.focus();
  };

  const duplicate = async () => {
    try {
      const copy = await changes.duplicate(set.id);
      toast.success(`Duplicated as “${copy.name}”`);
    } catch (error) {
      toast.error(`Couldn't duplicate “${set.name}”`, {
        description: error instanceof Error ? error.message : undefined,
      });
    }
  };

  return (
    // Named by aria-label, not by the heading: the heading gives way to a field while renaming.
    <article
      aria-label={set.name}
      className="flex h-full flex-col gap-3 rounded-lg border border-border bg-raised p-4"
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          {editing === "name" ? (
            <InlineEdit
              label={`New name for “${set.name}”`}
              initial={set.name}
              max={STYLE_SET_NAME_MAX}
              required
              warning={(value) => nameClash(value, all ?? [], set.id)}
              onSave={(value) => save("name", value)}
              onCancel={() => {
                setEditing(null);
                requestAnimationFrame(() => renameButton.current?.focus());
              }}
            />
          ) : (
            // The whole name wraps: a set and its "(imported)" copy differ only at the end.
            <div className="flex flex-wrap items-center gap-1">
              <h3 className="min-w-0 text-sm font-semibold wrap-anywhere">
                <a href={`/style-sets/${set.id}`} className="hover:underline">
                  {set.name}
                </a>
              </h3>
              <StatusBadge status={set.status} />
              <Button
                variant="icon"
                size="xs"
                ref={renameButton}
                onClick={() => setEditing("name")}
                aria-label={`Rename “${set.name}”`}
                title="Rename"
              >
                <Pencil aria-hidden="true" className="size-3.5" />
              </Button>
            </div>
          )}
          <p className="mt-0.5 text-xs text-muted tabular-nums">
            {refs.length} reference{refs.length === 1 ? "" : "s"} · version {set.version} · by{" "}
            {set.updatedBy} ·{" "}
            <time
              dateTime={set.updatedAt}
              title={`Created ${new Date(set.createdAt).toLocaleString()}, updated ${new Date(set.updatedAt).toLocaleString()}`}
            >
              {formatRelative(set.updatedAt, now || Date.parse(set.updatedAt))}
            </time>
          </p>
        </div>
        <a
          href={`/?useStyleSet=${encodeURIComponent(set.id)}`}
          aria-label={`Use “${set.name}” in the builder`}
          className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md bg-accent px-3 text-xs font-semibold text-accent-foreground hover:brightness-110"
        >
          <Wand2 aria-hidden="true" className="size-3.5" />
          Use in builder
        </a>
      </div>

      {editing === "references" ? (
        <ReferenceEditor
          set={set}
          onDone={() => {
            // Called after the save's await as well: commit now (see save above).
            flushSync(() => setEditing(null));
            referencesButton.current?.focus();
          }}
        />
      ) : refs.length ? (
        <ol aria-label={`References of “${set.name}”`} className="flex flex-wrap gap-2">
          {refs.map((ref, i) => {
            const direction = strengthDirection(ref.strength);
            const isLost = lost.has(i);
            return (
              <li key={i} className="w-14" title={ref.label ?? ref.imageUrl}>
                <div
                  className={`relative size-14 overflow-hidden rounded-md border bg-subtle ${isLost ? "border-2 border-danger" : "border-border"}`}
                >
                  {isLost ? (
                    <span className="absolute inset-0 flex items-center justify-center bg-raised/85 text-danger">
                      <TriangleAlert aria-hidden="true" className="size-5" />
                    </span>
                  ) : null}
                  {ref.thumbnailId ? (
                    // eslint-disable-next-line @next/next/no-img-element -- studio thumbnails, 160 px WebP
                    <img
                      src={`/api/thumbnails/${ref.thumbnailId}`}
                      alt={ref.label ?? `Reference ${i + 1}`}
                      className="size-full object-cover"
                      loading="lazy"
                    />
                  ) : (
                    <span className="flex size-full items-center justify-center p-1 text-center text-[10px] leading-tight break-all text-muted">
                      {ref.label ?? "link"}
                    </span>
                  )}
                </div>
                <p
                  className={`mt-0.5 text-center text-[11px] tabular-nums ${direction === "repel" ? "text-danger" : direction === "attract" ? "text-foreground" : "text-muted"}`}
                >
                  {formatStrength(ref.strength)}
                  <span className="sr-only">
                    , {direction}
                    {isLost ? ", can't be restored" : ""}
                  </span>
                </p>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-xs text-muted">No references in this set.</p>
      )}
      {editing !== "references" && refs.length ? (
        <Button
          variant="ghost"
          size="sm"
          ref={referencesButton}
          onClick={() => setEditing("references")}
          aria-label={`Edit references of “${set.name}”`}
          className="self-start px-2"
        >
          <SlidersHorizontal aria-hidden="true" className="size-3.5" />
          Edit references
        </Button>
      ) : null}
      {lostText ? (
        <p className="flex gap-1.5 rounded-md border border-danger/40 bg-subtle px-2 py-1.5 text-xs">
          <TriangleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0 text-danger" />
          <span>{lostText}</span>
        </p>
      ) : null}

      {editing === "note" ? (
        <InlineEdit
          label={`Note for “${set.name}”`}
          initial={set.note}
          max={STYLE_SET_NOTE_MAX}
          multiline
          onSave={(value) => save("note", value)}
          onCancel={() => {
            setEditing(null);
            requestAnimationFrame(() => noteButton.current?.focus());
          }}
        />
      ) : (
        <div className="flex items-start gap-1 text-sm">
          <p
            className={`min-w-0 flex-1 break-words whitespace-pre-line ${set.note ? "" : "text-muted italic"}`}
          >
            {set.note || "No note"}
          </p>
          <Button
            variant="ghost"
            size="sm"
            ref={noteButton}
            onClick={() => setEditing("note")}
            aria-label={`${set.note ? "Edit note" : "Add note"} for “${set.name}”`}
            className="px-2"
          >
            {set.note ? "Edit note" : "Add note"}
          </Button>
        </div>
      )}

      <div className="mt-auto flex flex-wrap items-center gap-1 border-t border-border pt-2">
        <Button
          variant="ghost"
          size="sm"
          onClick={() => void duplicate()}
          aria-label={`Duplicate “${set.name}”`}
          className="px-2"
        >
          <Copy aria-hidden="true" className="size-3.5" />
          Duplicate
        </Button>
        <a
          href={`/style-sets/${set.id}`}
          aria-label={`History of “${set.name}”`}
          className={buttonClass({ variant: "ghost", size: "sm", className: "px-2" })}
        >
          <History aria-hidden="true" className="size-3.5" />
          History
        </a>
        <a
          href={`/?styleSet=${encodeURIComponent(set.id)}`}
          aria-label={`Generations made with “${set.name}”`}
          className={buttonClass({ variant: "ghost", size: "sm", className: "px-2" })}
        >
          <Images aria-hidden="true" className="size-3.5" />
          Generations
        </a>
        <a
          href={`/api/style-sets/export?ids=${encodeURIComponent(set.id)}`}
          download
          aria-label={`Export “${set.name}” as JSON`}
          className={buttonClass({ variant: "ghost", size: "sm", className: "px-2" })}
        >
          <Download aria-hidden="true" className="size-3.5" />
          Export
        </a>
        <Button
          variant="ghost"
          size="sm"
          onClick={onDelete}
          aria-label={`Delete “${set.name}”`}
          className="ml-auto px-2 hover:text-danger"
        >
          <Trash2 aria-hidden="true" className="size-3.5" />
          Delete
        </Button>
      </div>
    </article>
  );
}
