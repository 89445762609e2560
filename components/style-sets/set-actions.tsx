"use client";
// Under the reference list: save the references as a new set, update the set they
// came from (naming the version they were based on, so someone else's change is
// never overwritten unseen), or clear the list. Shown only with references.
import { Button } from "@/components/ui/button";
import { Loader2, Save, Trash2, Upload } from "lucide-react";
import { useState } from "react";
import { toast } from "@/lib/client/platform/toast";
import { ApiError } from "@/lib/client/platform/api-client";
import { getStyleSetOrigin, setStyleSetOrigin } from "@/lib/client/references/style-set-origin";
import {
  conflictOf,
  theirChangeOf,
  useStyleSetChanges,
  type TheirChange,
} from "@/lib/client/references/use-style-sets";
import { forget } from "@/lib/client/references/add-pipeline";
import { applyLiveStyleSet } from "@/lib/client/references/apply-to-list";
import { isUnsettled, toSetReference, type ReferenceEntry } from "@/lib/client/references/entry";
import type { ListAccess } from "@/lib/client/references/list";
import {
  changedSinceOrigin,
  originOf,
  styleSetLink,
  type StyleSetOrigin,
} from "@/lib/client/references/sets";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { ConflictDialog } from "./conflict-dialog";
import { SaveSetDialog } from "./save-set-dialog";

export function SetActions({
  api,
  rows,
  origin,
}: {
  api: ListAccess;
  rows: readonly ReferenceEntry[];
  origin: StyleSetOrigin | null;
}) {
  const changes = useStyleSetChanges();
  const [saveOpen, setSaveOpen] = useState(false);
  const [saveName, setSaveName] = useState("");
  const [conflict, setConflict] = useState<StyleSet | null>(null);
  const [theirChange, setTheirChange] = useState<TheirChange | null>(null);
  const [updating, setUpdating] = useState(false);
  const unsettled = rows.some(isUnsettled);
  const linked = styleSetLink(rows, origin) !== null;
  const changed = changedSinceOrigin(rows, origin);

  const openSave = (name = "") => {
    setSaveName(name);
    setSaveOpen(true);
  };

  const update = async () => {
    if (!origin || updating) return;
    setUpdating(true);
    try {
      const set = await changes.update(origin, { references: rows.map(toSetReference) });
      setStyleSetOrigin(originOf(set));
      toast.success(`Updated “${set.name}”`, { description: `Now version ${set.version}.` });
    } catch (error) {
      const current = conflictOf(error);
      if (current) {
        setConflict(current);
        setTheirChange(theirChangeOf(error));
      } else if (error instanceof ApiError && error.status === 404) {
        setStyleSetOrigin(null);
        toast.error(`“${origin.name}” no longer exists`, {
          description: "Someone deleted it. Save your references as a new set to keep them.",
          action: { label: "Save as set…", onClick: () => openSave(origin.name) },
        });
      } else {
        toast.error(`Couldn't update “${origin.name}”`, {
          description: error instanceof Error ? error.message : undefined,
        });
      }
    } finally {
      setUpdating(false);
    }
  };

  const clear = () => {
    const before = api.get();
    const beforeOrigin = getStyleSetOrigin();
    api.set([]);
    let undone = false;
    toast.success(`Removed ${before.length} reference${before.length === 1 ? "" : "s"}`, {
      action: {
        label: "Undo",
        onClick: () => {
          undone = true;
          api.set(before);
          setStyleSetOrigin(beforeOrigin);
        },
      },
      // Uploads run on while Undo is offered; once it is gone (and not used) they stop.
      onAutoClose: () => {
        if (!undone) before.forEach((r) => r.status === "uploading" && forget(r.key));
      },
    });
  };

  return (
    <div className="mt-1.5">
      {origin ? (
        <p className="mb-1 text-[11px] text-muted">
          {linked ? (
            <>
              From set <span className="font-medium text-foreground">“{origin.name}”</span> v
              {origin.version}: generations record it.
            </>
          ) : (
            <>
              Changed since set <span className="font-medium text-foreground">“{origin.name}”</span>{" "}
              v{origin.version}: generations will not record it.
            </>
          )}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-1">
        <Button
          variant="ghost"
          size="sm"
          onClick={() => openSave()}
          disabled={unsettled}
          title={
            unsettled ? "Wait for uploads and checks, or remove the rows with problems" : undefined
          }
          className="px-2 text-foreground disabled:opacity-50 disabled:hover:bg-transparent"
        >
          <Save aria-hidden="true" className="size-3.5" />
          Save as set…
        </Button>
        {changed && origin ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => void update()}
            disabled={unsettled}
            // Busy, not disabled: a disabled button drops keyboard focus, and the
            // conflict dialog hands focus back to whatever had it when it opened.
            aria-disabled={updating || undefined}
            aria-busy={updating || undefined}
            className="px-2 text-foreground aria-disabled:opacity-50 disabled:opacity-50 disabled:hover:bg-transparent"
          >
            {updating ? (
              <Loader2 aria-hidden="true" className="size-3.5 animate-spin" />
            ) : (
              <Upload aria-hidden="true" className="size-3.5" />
            )}
            Update “{origin.name}”
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={clear} className="ml-auto px-2">
          <Trash2 aria-hidden="true" className="size-3.5" />
          Remove all
        </Button>
      </div>
      {saveOpen ? (
        <SaveSetDialog
          initialName={saveName}
          rows={rows}
          onClose={() => setSaveOpen(false)}
          onSaved={(set) => {
            setStyleSetOrigin(originOf(set));
            setSaveOpen(false);
          }}
        />
      ) : null}
      {conflict && origin ? (
        <ConflictDialog
          origin={origin}
          current={conflict}
          theirChange={theirChange}
          onClose={() => setConflict(null)}
          onLoadTheirs={() => {
            void applyLiveStyleSet(api, conflict, "replace");
            setConflict(null);
          }}
          onSaveMine={() => {
            setConflict(null);
            openSave(`${origin.name} (mine)`);
          }}
        />
      ) : null}
    </div>
  );
}
