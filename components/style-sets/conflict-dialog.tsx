"use client";
// An update based on an old version was refused (409): say so plainly and let the
// designer choose, instead of overwriting someone else's change.
import type { StyleSetOrigin } from "@/lib/client/references/sets";
import type { TheirChange } from "@/lib/client/references/use-style-sets";
import { namesByKey } from "@/lib/contract/style-sets/diff";
import { DiffLines } from "./diff-lines";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { DialogFrame } from "./dialog-parts";

export function ConflictDialog({
  origin,
  current,
  theirChange,
  onClose,
  onLoadTheirs,
  onSaveMine,
}: {
  origin: StyleSetOrigin;
  current: StyleSet;
  theirChange?: TheirChange | null;
  onClose: () => void;
  onLoadTheirs: () => void;
  onSaveMine: () => void;
}) {
  const renamed = current.name !== origin.name ? ` (now called “${current.name}”)` : "";
  return (
    <DialogFrame
      role="alertdialog"
      title={`Someone changed “${origin.name}” (now version ${current.version})`}
      description={`Your references are based on version ${origin.version}${renamed}, so updating would overwrite their change. Load theirs, or save yours as a new set. Nothing has been changed yet.`}
      onClose={onClose}
    >
      <p className="mt-3 rounded-md bg-subtle px-2.5 py-2 text-xs text-muted">
        Theirs has {current.references.length} reference{current.references.length === 1 ? "" : "s"}
        , updated{" "}
        <time dateTime={current.updatedAt}>{new Date(current.updatedAt).toLocaleString()}</time>
        {current.updatedBy ? ` by ${current.updatedBy}` : ""}.
      </p>
      {theirChange ? (
        <details className="mt-2 rounded-md border border-border px-2.5 py-2 text-xs">
          <summary className="cursor-pointer font-medium">See their change</summary>
          <p className="mt-1 text-muted">
            Version {theirChange.from} → {theirChange.to}
            {theirChange.authors.length ? `, by ${theirChange.authors.join(", ")}` : ""}:
          </p>
          <div className="mt-1">
            <DiffLines
              diff={theirChange.diff}
              names={namesByKey(current.references)}
              label="Their change"
            />
          </div>
        </details>
      ) : null}
      <DialogFooter className="flex-wrap">
        <Button onClick={onClose}>Cancel</Button>
        <Button onClick={onLoadTheirs}>Load theirs</Button>
        <Button variant="primary" onClick={onSaveMine}>
          Save mine as a new set…
        </Button>
      </DialogFooter>
    </DialogFrame>
  );
}
