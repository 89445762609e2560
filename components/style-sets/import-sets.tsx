"use client";
// Import from a JSON file exported by a studio. The server takes the whole file
// or nothing; when it refuses, the page says so in words (a file that is not an
// export, one from a newer studio) or lists each problem by set and reference
// (lib/client/references/import-problem.ts), so it can be fixed in an editor.
import { Button } from "@/components/ui/button";
import { CircleAlert, Upload, X } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "@/lib/client/platform/toast";
import { ApiError } from "@/lib/client/platform/api-client";
import { useStyleSetChanges, useStyleSets } from "@/lib/client/references/use-style-sets";
import {
  importProblem,
  retiredNote,
  type ImportProblem,
} from "@/lib/client/references/import-problem";
import { DialogFooter } from "@/components/ui/dialog";
import { DialogFrame } from "./dialog-parts";

/** The file's sets this studio already has (same id): local name, and whether the file's copy is retired. */
function existingIn(
  file: unknown,
  have: readonly { id: string; name: string }[],
): { name: string; retired: boolean }[] {
  if (typeof file !== "object" || file === null || !("sets" in file) || !Array.isArray(file.sets)) {
    return [];
  }
  const status = new Map<string, unknown>(
    file.sets.flatMap((s: unknown) =>
      typeof s === "object" && s !== null && "id" in s && typeof s.id === "string"
        ? [[s.id, "status" in s ? s.status : undefined] as const]
        : [],
    ),
  );
  return have
    .filter((s) => status.has(s.id))
    .map((s) => ({ name: s.name, retired: status.get(s.id) === "retired" }));
}

export type { ImportProblem };

const MAX_FILE_BYTES = 8 * 1024 * 1024;

export function ImportSets({ onProblem }: { onProblem: (problem: ImportProblem | null) => void }) {
  const changes = useStyleSetChanges();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const have = useStyleSets().data ?? [];
  const [asking, setAsking] = useState<{
    parsed: unknown;
    names: string[];
    /** the copy of a retired set arrives retired: said before choosing */
    retired: string | null;
    fileName: string;
  } | null>(null);

  const importFile = async (file: File) => {
    onProblem(null);
    if (file.size > MAX_FILE_BYTES) {
      return onProblem({
        title: `“${file.name}” is larger than 8 MB, more than any export. Nothing was imported.`,
        items: [],
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      return onProblem({
        title: `“${file.name}” is not a JSON file, so nothing was imported.`,
        items: [error instanceof Error ? error.message : String(error)],
      });
    }
    const existing = existingIn(parsed, have);
    if (existing.length) {
      const retired = existing.filter((e) => e.retired).map((e) => `“${e.name}”`);
      return setAsking({
        parsed,
        names: existing.map((e) => e.name),
        retired: retired.length
          ? `${retired.join(", ")} ${retired.length === 1 ? "is" : "are"} retired in the file: a copy arrives retired too, and stays out of the builder's picker until set back to draft.`
          : null,
        fileName: file.name,
      });
    }
    await send(parsed, file.name, "copy");
  };

  const send = async (parsed: unknown, fileName: string, existing: "copy" | "append") => {
    setAsking(null);
    setBusy(true);
    try {
      const imported = await changes.importFile(parsed, existing);
      const names = imported
        .map((s) => s.name)
        .slice(0, 5)
        .join(", ");
      // An import keeps each set's status, a copy too (README "Style sets"): say so
      // when that leaves a set out of the picker, and offer the way back in one click.
      const note = retiredNote(imported);
      const retired = imported.filter((s) => s.status === "retired");
      const only = retired.length === 1 ? retired[0] : undefined;
      toast.success(`Imported ${imported.length} style set${imported.length === 1 ? "" : "s"}`, {
        description: note ?? (names || undefined),
        duration: note ? 12_000 : undefined,
        action: only
          ? {
              label: "Back to draft",
              onClick: () =>
                void changes.setStatus(only, "draft").then(
                  (s) => toast.success(`“${s.name}” is a draft again`),
                  (e: unknown) =>
                    toast.error(`Couldn't change the status of “${only.name}”`, {
                      description: e instanceof Error ? e.message : undefined,
                    }),
                ),
            }
          : undefined,
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        onProblem(importProblem(parsed, fileName, error));
      } else if (error instanceof ApiError) {
        onProblem({ title: error.detail, items: [] });
      } else {
        onProblem({
          title: error instanceof Error ? error.message : "The file could not be imported.",
          items: [],
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {asking ? (
        <DialogFrame
          title="These sets are already here"
          description={`${asking.names.map((n) => `“${n}”`).join(", ")} ${asking.names.length === 1 ? "is" : "are"} in this studio already. Add the file's versions to ${asking.names.length === 1 ? "its" : "their"} history, or import ${asking.names.length === 1 ? "it" : "them"} as a copy?`}
          onClose={() => setAsking(null)}
        >
          {asking.retired ? <p className="text-sm text-muted">{asking.retired}</p> : null}
          <DialogFooter className="flex-wrap">
            <Button onClick={() => setAsking(null)}>Cancel</Button>
            <Button onClick={() => void send(asking.parsed, asking.fileName, "copy")}>
              Import as a copy
            </Button>
            <Button
              variant="primary"
              onClick={() => void send(asking.parsed, asking.fileName, "append")}
            >
              Add to its history
            </Button>
          </DialogFooter>
        </DialogFrame>
      ) : null}
      <Button variant="secondary" onClick={() => input.current?.click()} disabled={busy}>
        <Upload aria-hidden="true" className="size-4" />
        {busy ? "Importing…" : "Import…"}
      </Button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        tabIndex={-1}
        aria-hidden="true"
        className="hidden"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void importFile(file);
        }}
      />
    </>
  );
}

export function ImportReport({
  problem,
  onDismiss,
}: {
  problem: ImportProblem;
  onDismiss: () => void;
}) {
  return (
    <div
      role="alert"
      className="mt-4 flex gap-3 rounded-lg border border-danger/40 bg-raised p-3 text-sm"
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{problem.title}</p>
        {problem.items.length ? (
          <ul className="mt-1.5 list-disc space-y-0.5 pl-4 text-xs break-words text-muted">
            {problem.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : null}
        <p className="mt-1.5 text-xs text-muted">Your style sets are unchanged.</p>
      </div>
      <Button
        variant="icon"
        size="sm"
        onClick={onDismiss}
        aria-label="Dismiss import problem"
        className="-m-1 p-1.5"
      >
        <X aria-hidden="true" className="size-4" />
      </Button>
    </div>
  );
}
