"use client";
// Editing a set's name or note in place: Enter (or Save) saves, Escape cancels.
// A save based on an old version is refused by the server (409): we say so,
// keep what was typed, and the list reloads so a second Save applies it on top
// of the other person's change, knowingly.
import { cn } from "@/components/ui/cn";
import { FieldError, inputClass, textareaClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Loader2 } from "lucide-react";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { ApiError } from "@/lib/client/platform/api-client";
import { conflictOf } from "@/lib/client/references/use-style-sets";

export function InlineEdit({
  label,
  initial,
  max,
  required,
  multiline,
  onSave,
  onCancel,
  warning,
}: {
  label: string;
  initial: string;
  max: number;
  required?: boolean;
  multiline?: boolean;
  onSave: (value: string) => Promise<void>;
  onCancel: () => void;
  /** a caution shown while typing, e.g. another set already has this name; saving stays possible */
  warning?: (value: string) => string | null;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (required && !value.trim()) return setError("A set needs a name.");
    setBusy(true);
    setError(null);
    try {
      await onSave(value);
    } catch (e) {
      const current = conflictOf(e);
      setError(
        current
          ? `Someone changed this set meanwhile (now version ${current.version}); yours was not saved. The page now shows their version: Save again to apply yours on top.`
          : e instanceof ApiError
            ? (Object.values(e.fieldErrors)[0]?.[0] ?? e.detail)
            : e instanceof Error
              ? e.message
              : "It could not be saved.",
      );
    } finally {
      setBusy(false);
    }
  };

  const common = {
    "aria-label": label,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    value,
    maxLength: max,
    autoFocus: true,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onCancel();
      } else if (e.key === "Enter" && (!multiline || e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        void submit();
      }
    },
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-1.5">
      {multiline ? (
        <textarea rows={3} {...common} className={cn(textareaClass, "w-full px-2")} />
      ) : (
        <input {...common} className={cn(inputClass, "w-full px-2")} />
      )}
      {warning?.(value) ? (
        <p role="status" className="text-xs text-warning">
          {warning(value)}
        </p>
      ) : null}
      {error ? <FieldError id={errorId} message={error} /> : null}
      <div className="flex gap-1.5">
        <Button variant="primary" size="sm" type="submit" disabled={busy}>
          {busy ? <Loader2 aria-hidden="true" className="mr-1 size-3 animate-spin" /> : null}
          Save
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        {multiline ? (
          <span className="self-center text-[11px] text-muted">Ctrl+Enter saves</span>
        ) : null}
      </div>
    </form>
  );
}
