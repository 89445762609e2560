"use client";
// The values of a style-set axis: the sets the builder's picker offers (approved
// first with their badge, retired ones left out), each with its versions (from
// its history), so a designer ticks two sets, or two versions of one set. A
// version's references are the ones it was saved with.
import { setKey, withSetToggled, type AxisDraft } from "@/lib/client/grid/axis-draft";
import { useStyleSetHistory, useStyleSets } from "@/lib/client/references/use-style-sets";
import type { GridStyleSet } from "@/lib/contract/grid/grid";
import { hiddenRetiredText, pickerSets } from "@/lib/contract/style-sets/picker";
import type { StyleSet, StyleSetReference } from "@/lib/contract/style-sets/schema";
import { StatusBadge } from "@/components/style-sets/status-badge";

// Only what Krea reads: the studio's label and blob bookkeeping stay in the set.
const krea = (refs: StyleSetReference[]) =>
  refs.map(({ imageUrl, strength }) => ({ imageUrl, strength }));

export function StyleSetChoices({
  name,
  draft,
  onChange,
}: {
  name: string;
  draft: AxisDraft;
  onChange: (next: AxisDraft) => void;
}) {
  const sets = useStyleSets();
  if (sets.isPending) return <p className="text-xs text-muted">Loading style sets…</p>;
  if (sets.isError)
    return <p className="text-xs text-danger">The style sets could not be loaded.</p>;
  const offered = pickerSets(sets.data);
  const hidden = hiddenRetiredText(sets.data);
  if (offered.length === 0) {
    return (
      <p className="text-xs text-muted">
        {hidden
          ? `No set to pick: ${hidden}. Set one back to draft on the Style sets page to use it.`
          : "No style sets yet: save one from the builder first."}
      </p>
    );
  }
  return (
    <div role="group" aria-label={`${name} values`} className="flex flex-col gap-1.5">
      {offered.map((set) => (
        <SetVersions key={set.id} set={set} draft={draft} onChange={onChange} />
      ))}
      {hidden ? <p className="text-[11px] text-muted">{hidden}.</p> : null}
    </div>
  );
}

function SetVersions({
  set,
  draft,
  onChange,
}: {
  set: StyleSet;
  draft: AxisDraft;
  onChange: (next: AxisDraft) => void;
}) {
  const history = useStyleSetHistory(set.id);
  const current: GridStyleSet = {
    id: set.id,
    version: set.version,
    name: set.name,
    references: krea(set.references),
  };
  // Newest first; the current version is always there even before the history loads.
  const older: GridStyleSet[] = (history.data?.items ?? [])
    .filter((v) => v.version !== set.version)
    .sort((a, b) => b.version - a.version)
    .map((v) => ({
      id: set.id,
      version: v.version,
      name: set.name,
      references: krea(v.references),
    }));
  const ticked = new Set(draft.sets.map(setKey));
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <span className="text-xs font-medium break-words">{set.name}</span>
      {set.status === "approved" ? <StatusBadge status="approved" /> : null}
      {[current, ...older].map((v) => (
        <label
          key={v.version}
          className="flex items-center gap-1.5 rounded-md border border-border bg-raised px-2 py-1 text-xs has-[:checked]:border-accent"
        >
          <input
            type="checkbox"
            aria-label={`${set.name} version ${v.version}`}
            checked={ticked.has(setKey(v))}
            disabled={v.references.length === 0}
            onChange={(e) => onChange(withSetToggled(draft, v, e.target.checked))}
          />
          v{v.version}
          {v.version === set.version ? " (current)" : ""}
        </label>
      ))}
    </div>
  );
}
