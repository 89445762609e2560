"use client";
// The Style sets page: every saved set with its thumbnails and strengths; rename,
// note, duplicate, delete (Undo), export and import, and "Use in builder".
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { Button, buttonClass } from "@/components/ui/button";
import { useQueryClient } from "@tanstack/react-query";
import { Download, Library, Search } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@/lib/client/platform/toast";
import {
  STYLE_SETS_KEY,
  useStyleSetChanges,
  useStyleSets,
} from "@/lib/client/references/use-style-sets";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { AuthorField } from "./author-field";
import { ImportSets, ImportReport, type ImportProblem } from "./import-sets";
import { StyleSetCard } from "./style-set-card";

export function StyleSetsManager({ initialSets }: { initialSets?: StyleSet[] }) {
  const sets = useStyleSets({ initialData: initialSets });
  const changes = useStyleSetChanges();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const all = sets.data ?? [];
  const shown = all.filter((s) => s.name.toLowerCase().includes(query.trim().toLowerCase()));

  const remove = async (set: StyleSet) => {
    // Gone from the list at once; the server keeps it restorable, so Undo is real.
    queryClient.setQueryData<StyleSet[]>(STYLE_SETS_KEY, (list) =>
      list?.filter((s) => s.id !== set.id),
    );
    try {
      await changes.remove(set.id);
      toast.success(`Deleted “${set.name}”`, {
        action: {
          label: "Undo",
          onClick: () =>
            void changes.restore(set.id).then(
              () => toast.success(`Restored “${set.name}”`),
              (error: unknown) =>
                toast.error(`Couldn't restore “${set.name}”`, {
                  description: error instanceof Error ? error.message : undefined,
                }),
            ),
        },
      });
    } catch (error) {
      toast.error(`Couldn't delete “${set.name}”`, {
        description: error instanceof Error ? error.message : undefined,
      });
    }
  };

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold tracking-tight">Style sets</h2>
          <p className="mt-0.5 max-w-prose text-sm text-muted">
            Reference images in order, each with its strength, saved under a name. Everyone using
            this studio shares them.
          </p>
        </div>
        <div className="flex gap-2">
          <ImportSets onProblem={setProblem} />
          <a
            href="/api/style-sets/export"
            download
            aria-disabled={all.length === 0 || undefined}
            tabIndex={all.length === 0 ? -1 : undefined}
            className={buttonClass({
              className: "aria-disabled:pointer-events-none aria-disabled:opacity-50",
            })}
          >
            <Download aria-hidden="true" className="size-4" />
            Export all
          </a>
        </div>
      </div>

      <div className="mt-3">
        <AuthorField />
      </div>

      {problem ? <ImportReport problem={problem} onDismiss={() => setProblem(null)} /> : null}

      {all.length > 3 ? (
        <div className="relative mt-5 max-w-xs">
          <label htmlFor="sets-search" className="sr-only">
            Search style sets
          </label>
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted"
          />
          <input
            id="sets-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search by name"
            className={cn(inputClass, "w-full pr-2 pl-8")}
          />
        </div>
      ) : null}

      <div className="mt-5">
        {sets.isPending ? (
          <ul
            aria-busy="true"
            aria-label="Loading style sets"
            className="grid gap-3 md:grid-cols-2"
          >
            {[0, 1, 2, 3].map((i) => (
              <li
                key={i}
                className="h-48 animate-pulse rounded-lg border border-border bg-subtle"
              />
            ))}
          </ul>
        ) : sets.isError ? (
          <div role="alert" className="rounded-lg border border-danger/40 bg-raised p-4 text-sm">
            <p className="font-medium">The style sets could not be loaded.</p>
            <p className="mt-1 text-muted">{sets.error.message}</p>
            <Button variant="secondary" onClick={() => void sets.refetch()} className="mt-3">
              Try again
            </Button>
          </div>
        ) : all.length === 0 ? (
          <EmptyState />
        ) : shown.length === 0 ? (
          <p className="text-sm text-muted">No set matches “{query.trim()}”.</p>
        ) : (
          <ul aria-label="Saved style sets" className="grid gap-3 md:grid-cols-2">
            {shown.map((set) => (
              <li key={set.id} className="min-w-0">
                <StyleSetCard set={set} onDelete={() => void remove(set)} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function EmptyState() {
  return (
    <div className="rounded-lg border border-dashed border-border-strong bg-raised px-6 py-10 text-center">
      <Library aria-hidden="true" className="mx-auto size-8 text-muted" />
      <h3 className="mt-3 text-base font-semibold">No style sets yet</h3>
      <p className="mx-auto mt-1 max-w-md text-sm text-muted">
        A set keeps reference images and their strengths together, in order, so a look can be reused
        and shared.
      </p>
      <ol className="mx-auto mt-4 max-w-md list-decimal space-y-1 pl-5 text-left text-sm">
        <li>In the studio, drop images or paste links under Style references.</li>
        <li>Set each strength: 2 follows a style, −2 steers away from it.</li>
        <li>
          Choose <strong className="font-medium">Save as set…</strong>: the set appears here and in
          the builder’s Style sets picker.
        </li>
      </ol>
      <p className="mt-5 text-sm text-muted">
        <Link href="/" className="font-medium text-accent hover:underline">
          Open the studio
        </Link>{" "}
        or import a file exported from another studio with{" "}
        <span className="font-medium text-foreground">Import…</span> above.
      </p>
    </div>
  );
}
