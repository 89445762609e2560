"use client";
// Import from a JSON file exported by a studio. The server takes the whole file
// or nothing; when it refuses, every problem it found is listed where it is in
// the file ("sets[2].references[0].strength"), so it can be fixed in an editor.
import { Button } from "@/components/ui/button";
import { CircleAlert, Upload, X } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "@/lib/client/platform/toast";
import { ApiError } from "@/lib/client/platform/api-client";
import { useStyleSetChanges, useStyleSets } from "@/lib/client/references/use-style-sets";
import { DialogFooter } from "@/components/ui/dialog";
import { DialogFrame } from "./dialog-parts";

/** Names of the file's sets this studio already has (same id), for "add to its history?". */
function existingIn(file: unknown, have: readonly { id: string; name: string }[]): string[] {
  if (typeof file !== "object" || file === null || !("sets" in file) || !Array.isArray(file.sets)) {
    return [];
  }
  const ids = new Set(
    file.sets.flatMap((s: unknown) =>
      typeof s === "object" && s !== null && "id" in s && typeof s.id === "string" ? [s.id] : [],
    ),
  );
  return have.filter((s) => ids.has(s.id)).map((s) => s.name);
}

export interface ImportProblem {
  title: string;
  items: string[];
}

const MAX_LISTED = 20;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export function ImportSets({ onProblem }: { onProblem: (problem: ImportProblem | null) => void }) {
  const changes = useStyleSetChanges();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const have = useStyleSets().data ?? [];
  const [asking, setAsking] = useState<{ parsed: unknown; names: string[] } | null>(null);

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
    const names = existingIn(parsed, have);
    if (names.length) return setAsking({ parsed, names });
    await send(parsed, "copy");
  };

  const send = async (parsed: unknown, existing: "copy" | "append") => {
    setAsking(null);
    setBusy(true);
    try {
      const imported = await changes.importFile(parsed, existing);
      toast.success(`Imported ${imported.length} style set${imported.length === 1 ? "" : "s"}`, {
        description:
          imported
            .map((s) => s.name)
            .slice(0, 5)
            .join(", ") || undefined,
      });
    } catch (error) {
      if (error instanceof ApiError) {
        const items = Object.entries(error.fieldErrors).map(
          ([where, messages]) => `${where}: ${messages.join("; ")}`,
        );
        onProblem({
          title: error.detail,
          items:
            items.length > MAX_LISTED
              ? [...items.slice(0, MAX_LISTED), `…and ${items.length - MAX_LISTED} more`]
              : items,
        });
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
          <DialogFooter className="flex-wrap">
            <Button onClick={() => setAsking(null)}>Cancel</Button>
            <Button onClick={() => void send(asking.parsed, "copy")}>Import as a copy</Button>
            <Button variant="primary" onClick={() => void send(asking.parsed, "append")}>
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
          <ul className="mt-1.5 list-disc space-y-0.5 pl-4 font-mono text-xs break-words text-muted">
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
