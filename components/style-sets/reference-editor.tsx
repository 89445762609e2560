"use client";
// A set's references edited on the Style sets page: each strength as a number,
// Move up / Move down and Remove per row, and the change as the history will
// read it before Save makes it a version. A stale save (409) keeps the rows as
// edited and says so; Save again applies them on top of the other change.
import { ArrowDown, ArrowUp, Loader2, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError, inputClass } from "@/components/ui/field";
import { ApiError } from "@/lib/client/platform/api-client";
import { toast } from "@/lib/client/platform/toast";
import { conflictOf, useStyleSetChanges } from "@/lib/client/references/use-style-sets";
import { formatStrengthInput } from "@/lib/contract/references/strength";
import {
  diffVersions,
  isEmptyDiff,
  namesByKey,
  referenceName,
} from "@/lib/contract/style-sets/diff";
import {
  moveItem,
  readReferenceDraft,
  type ReferenceDraftRow,
} from "@/lib/contract/style-sets/edit";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { DiffLines } from "./diff-lines";

type Row = ReferenceDraftRow & { key: number };

export function ReferenceEditor({
  set,
  onDone,
}: {
  set: StyleSet;
  /** closes the editor (after a save, or Cancel) */
  onDone: () => void;
}) {
  const changes = useStyleSetChanges();
  const [rows, setRows] = useState<Row[]>(() =>
    set.references.map((ref, key) => ({ key, ref, text: formatStrengthInput(ref.strength) })),
  );
  const [shownErrors, setShownErrors] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const draft = readReferenceDraft(rows);
  const before = { name: set.name, note: set.note, references: set.references };
  const diff = draft.ok ? diffVersions(before, { ...before, references: draft.references }) : null;
  const changed = diff !== null && !isEmptyDiff(diff);
  const names = namesByKey(
    set.references,
    rows.map((r) => r.ref),
  );

  const edit = (next: Row[]) => {
    setRows(next);
    setShownErrors({});
  };
  const save = async () => {
    if (saving) return;
    if (!draft.ok) return setShownErrors(draft.errors);
    if (!changed) return;
    setSaving(true);
    setProblem(null);
    try {
      const saved = await changes.update(set, { references: draft.references });
      toast.success(`Saved the references of “${saved.name}” as version ${saved.version}`);
      onDone();
    } catch (error) {
      const current = conflictOf(error);
      setProblem(
        current
          ? `Someone changed this set meanwhile (now version ${current.version}); yours was not saved. Save again to apply your references on top of their change, or Cancel to see theirs.`
          : error instanceof ApiError
            ? (Object.values(error.fieldErrors)[0]?.[0] ?? error.detail)
            : error instanceof Error
              ? error.message
              : "The references could not be saved.",
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <ol aria-label={`Edit references of “${set.name}”`} className="flex flex-col gap-2">
        {rows.map((row, i) => {
          const name = `reference ${i + 1} (${referenceName(row.ref)})`;
          const errorId = `ref-edit-${set.id}-${row.key}`;
          const note = draft.ok ? draft.notes[i] : undefined;
          return (
            <li key={row.key} aria-label={name} className="flex items-start gap-2">
              <span className="grid size-10 shrink-0 place-items-center overflow-hidden rounded-md border border-border bg-subtle text-[10px] text-muted">
                {row.ref.thumbnailId ? (
                  // eslint-disable-next-line @next/next/no-img-element -- studio thumbnails, 160 px WebP
                  <img
                    src={`/api/thumbnails/${row.ref.thumbnailId}`}
                    alt=""
                    className="size-full object-cover"
                  />
                ) : (
                  i + 1
                )}
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate text-xs" title={row.ref.label ?? row.ref.imageUrl}>
                  {referenceName(row.ref)}
                </p>
                <input
                  aria-label={`Strength of ${name}`}
                  aria-invalid={shownErrors[i] ? true : undefined}
                  aria-describedby={shownErrors[i] || note ? errorId : undefined}
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  value={row.text}
                  onChange={(e) =>
                    edit(rows.map((r) => (r.key === row.key ? { ...r, text: e.target.value } : r)))
                  }
                  className={cn(inputClass, "mt-0.5 h-7 w-20 text-right text-xs tabular-nums")}
                />
                {shownErrors[i] ? (
                  <FieldError id={errorId} message={shownErrors[i]} />
                ) : note ? (
                  <p id={errorId} className="mt-0.5 text-[11px] text-warning">
                    {note}
                  </p>
                ) : null}
              </div>
              <div className="flex shrink-0 gap-0.5 pt-4">
                <Button
                  variant="icon"
                  size="sm"
                  aria-label={`Move ${name} up`}
                  disabled={i === 0}
                  onClick={() => edit(moveItem(rows, i, i - 1))}
                >
                  <ArrowUp aria-hidden="true" className="size-3.5" />
                </Button>
                <Button
                  variant="icon"
                  size="sm"
                  aria-label={`Move ${name} down`}
                  disabled={i === rows.length - 1}
                  onClick={() => edit(moveItem(rows, i, i + 1))}
                >
                  <ArrowDown aria-hidden="true" className="size-3.5" />
                </Button>
                <Button
                  variant="icon"
                  size="sm"
                  aria-label={`Remove ${name}`}
                  onClick={() => edit(rows.filter((r) => r.key !== row.key))}
                >
                  <X aria-hidden="true" className="size-3.5" />
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {rows.length === 0 ? (
        <p className="text-xs text-muted">Every reference removed: the set will have none.</p>
      ) : null}
      <div aria-live="polite" className="rounded-md bg-subtle p-2">
        {changed ? (
          <DiffLines diff={diff} names={names} label="Changes to save" />
        ) : (
          <p className="text-xs text-muted">
            {draft.ok ? "No change yet." : "A strength above is not a number yet."}
          </p>
        )}
      </div>
      {problem ? (
        <p role="alert" className="text-xs text-danger">
          {problem}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button
          variant="primary"
          size="sm"
          disabled={!changed && draft.ok}
          aria-busy={saving || undefined}
          onClick={() => void save()}
        >
          {saving ? <Loader2 aria-hidden="true" className="size-3.5 animate-spin" /> : null}
          Save references
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
