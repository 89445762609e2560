"use client";
// "Save as set…": a name and an optional note for the current references.
import { Loader2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "@/lib/client/platform/toast";
import { ApiError } from "@/lib/client/platform/api-client";
import { useStyleSetChanges, useStyleSets } from "@/lib/client/references/use-style-sets";
import { nameClash } from "@/lib/contract/style-sets/names";
import { toSetReference, type ReferenceEntry } from "@/lib/client/references/entry";
import { STYLE_SET_NAME_MAX, STYLE_SET_NOTE_MAX } from "@/lib/contract/style-sets/limits";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { DialogFrame, primaryButton, secondaryButton } from "./dialog-parts";

const field =
  "mt-1 w-full rounded-md border border-border bg-raised px-2.5 text-sm placeholder:text-muted hover:border-border-strong aria-[invalid=true]:border-danger";

export function SaveSetDialog({
  initialName,
  rows,
  onClose,
  onSaved,
}: {
  initialName: string;
  rows: readonly ReferenceEntry[];
  onClose: () => void;
  onSaved: (set: StyleSet) => void;
}) {
  const changes = useStyleSetChanges();
  const [name, setName] = useState(initialName);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ name?: string; note?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const clash = nameClash(name, useStyleSets().data ?? []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // This dialog renders inside the builder's React tree: without this the submit
    // would bubble (through the portal) to the builder form and Generate.
    event.stopPropagation();
    if (busy) return;
    if (!name.trim()) return setErrors({ name: "Give the set a name." });
    setBusy(true);
    setErrors({});
    try {
      const set = await changes.create({ name, note, references: rows.map(toSetReference) });
      toast.success(`Saved “${set.name}”`, {
        description: `${set.references.length} reference${set.references.length === 1 ? "" : "s"}, on the Style sets page and in the picker.`,
      });
      onSaved(set);
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors({
          name: error.fieldErrors.name?.[0],
          note: error.fieldErrors.note?.[0],
          form: error.fieldErrors.name || error.fieldErrors.note ? undefined : error.detail,
        });
      } else {
        setErrors({ form: error instanceof Error ? error.message : "The set could not be saved." });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogFrame
      title="Save as style set"
      description={`The ${rows.length} reference${rows.length === 1 ? "" : "s"} in this order, with their strengths.`}
      onClose={onClose}
    >
      <form onSubmit={save} noValidate className="mt-4 space-y-3">
        <div>
          <label htmlFor="set-name" className="text-xs font-medium">
            Name
          </label>
          <input
            id="set-name"
            value={name}
            maxLength={STYLE_SET_NAME_MAX}
            autoComplete="off"
            autoFocus
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "set-name-error" : undefined}
            placeholder="Noir, Risograph, Client X moodboard…"
            className={`${field} h-8`}
          />
          {errors.name ? (
            <p id="set-name-error" role="alert" className="mt-1 text-xs text-danger">
              {errors.name}
            </p>
          ) : clash ? (
            <p role="status" className="mt-1 text-xs text-warning">
              {clash}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="set-note" className="text-xs font-medium">
            Note <span className="font-normal text-muted">(optional)</span>
          </label>
          <textarea
            id="set-note"
            value={note}
            rows={3}
            maxLength={STYLE_SET_NOTE_MAX}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? "set-note-error" : undefined}
            placeholder="What it is for, what to pair it with"
            className={`${field} resize-y py-1.5`}
          />
          {errors.note ? (
            <p id="set-note-error" role="alert" className="mt-1 text-xs text-danger">
              {errors.note}
            </p>
          ) : null}
        </div>
        {errors.form ? (
          <p role="alert" className="text-xs text-danger">
            {errors.form}
          </p>
        ) : null}
        <div className="flex justify-end gap-2 pt-1">
          <button type="button" onClick={onClose} className={secondaryButton}>
            Cancel
          </button>
          <button type="submit" disabled={busy} className={primaryButton}>
            {busy ? <Loader2 aria-hidden="true" className="size-4 animate-spin" /> : null}
            Save set
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
