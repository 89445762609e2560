"use client";
// One set at its stable link (/style-sets/{id}, /style-sets/{id}@{version}):
// status and who set it, proof settings and proofs, the history, compare any
// two versions, restore.
import { ArrowLeft, Wand2 } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { ApiError } from "@/lib/client/platform/api-client";
import { toast } from "@/lib/client/platform/toast";
import { useProofs } from "@/lib/client/proofs/use-proofs";
import {
  useStyleSetChanges,
  useStyleSetHistory,
  useStyleSets,
  type StyleSetHistory,
} from "@/lib/client/references/use-style-sets";
import type { StyleSetStatus } from "@/lib/contract/style-sets/history";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { AuthorField } from "./author-field";
import { Button } from "@/components/ui/button";
import { ProofPanel } from "./proof-panel";
import { ProofSettingsForm } from "./proof-settings-form";
import { SetHistory } from "./set-history";
import { StatusBadge } from "./status-badge";
import { VersionCompare } from "./version-compare";

export function StyleSetDetail({
  initialSet,
  initialHistory,
  focus,
}: {
  initialSet: StyleSet;
  initialHistory: StyleSetHistory;
  focus: number | null;
}) {
  const sets = useStyleSets();
  const set = sets.data?.find((s) => s.id === initialSet.id) ?? initialSet;
  const history = useStyleSetHistory(set.id, { initialData: initialHistory });
  const versions = history.data?.items ?? [];
  const changes = useStyleSetChanges();
  const [busy, setBusy] = useState(false);
  const latest = versions[0]?.version ?? set.version;
  // A team may approve without proofs; the button then says so, it does not block.
  const proofs = useProofs(set.id, set.version);
  const notProofed = proofs.isSuccess && proofs.data.length === 0;
  const notProofedId = useId();
  const [compare, setCompare] = useState<[number, number] | null>(
    focus !== null && focus !== latest ? [focus, latest] : null,
  );

  const run = async (
    what: string,
    action: () => Promise<StyleSet>,
    done: (s: StyleSet) => string,
  ) => {
    setBusy(true);
    try {
      toast.success(done(await action()));
    } catch (error) {
      toast.error(`Couldn't ${what}`, {
        description:
          error instanceof ApiError
            ? error.detail
            : error instanceof Error
              ? error.message
              : undefined,
      });
    } finally {
      setBusy(false);
    }
  };
  const status = (to: StyleSetStatus) =>
    void run(
      to === "approved" ? `approve “${set.name}”` : `change the status of “${set.name}”`,
      () => changes.setStatus(set, to),
      (s) =>
        to === "approved"
          ? `Approved version ${s.version} of “${s.name}”`
          : to === "retired"
            ? `Retired “${s.name}”: it leaves the builder's picker`
            : `“${s.name}” is a draft again`,
    );
  const restore = (from: number) =>
    void run(
      `restore version ${from}`,
      () => changes.restoreVersion(set, from),
      (s) => `Restored version ${from} as version ${s.version}`,
    );

  return (
    <div className="space-y-5">
      <Link
        href="/style-sets"
        className="inline-flex items-center gap-1 text-xs text-muted hover:text-foreground"
      >
        <ArrowLeft aria-hidden="true" className="size-3.5" />
        All style sets
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <h2 className="min-w-0 text-lg font-semibold tracking-tight wrap-anywhere">
              {set.name}
            </h2>
            <StatusBadge status={set.status} />
          </div>
          <p className="mt-0.5 text-xs text-muted">
            Version {set.version}, last edited by {set.updatedBy}
            {set.statusBy && set.statusAt
              ? ` · ${set.status === "approved" ? "approved" : set.status === "retired" ? "retired" : "made a draft"} by ${set.statusBy}, ${new Date(set.statusAt).toLocaleString()}`
              : ""}
            {set.status !== "approved" && set.approvedVersion
              ? ` · last approved: version ${set.approvedVersion}`
              : ""}
          </p>
          {set.note ? <p className="mt-1 max-w-prose text-sm">{set.note}</p> : null}
        </div>
        <a
          href={`/?useStyleSet=${encodeURIComponent(set.id)}`}
          className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md bg-accent px-3 text-xs font-semibold text-accent-foreground hover:brightness-110"
        >
          <Wand2 aria-hidden="true" className="size-3.5" />
          Use in builder
        </a>
      </div>

      <section aria-label="Status" className="flex flex-wrap items-center gap-2">
        {set.status !== "approved" ? (
          <>
            <Button
              disabled={busy}
              onClick={() => status("approved")}
              variant="primary"
              aria-describedby={notProofed ? notProofedId : undefined}
            >
              Approve version {set.version}
            </Button>
            {notProofed ? (
              <span id={notProofedId} className="text-xs text-muted">
                Not proofed: version {set.version} has no proof renders yet. You can still approve
                it.
              </span>
            ) : null}
          </>
        ) : null}
        {set.status !== "draft" ? (
          <Button disabled={busy} onClick={() => status("draft")}>
            Back to draft
          </Button>
        ) : null}
        {set.status !== "retired" ? (
          <Button disabled={busy} onClick={() => status("retired")}>
            Retire
          </Button>
        ) : null}
      </section>

      <AuthorField />

      {/* Keyed by version: a restore or someone else's edit shows that version's settings. */}
      <ProofSettingsForm key={set.version} set={set} changes={changes} />

      <ProofPanel
        set={set}
        versions={versions}
        statusEvents={history.data?.statusEvents ?? []}
        version={focus ?? set.version}
        busy={busy}
        onApprove={() => status("approved")}
      />

      {compare ? (
        <VersionCompare
          versions={versions}
          left={compare[0]}
          right={compare[1]}
          onChange={(l, r) => setCompare([l, r])}
        />
      ) : null}

      <section aria-labelledby="history-heading">
        <h3 id="history-heading" className="mb-2 text-sm font-semibold">
          History
        </h3>
        {history.isError ? (
          <p role="alert" className="text-sm text-danger">
            The history could not be loaded: {history.error.message}
          </p>
        ) : (
          <SetHistory
            setId={set.id}
            versions={versions}
            statusEvents={history.data?.statusEvents ?? []}
            current={set.version}
            focus={focus}
            busy={busy}
            onCompare={(v) => setCompare([v, v === latest ? (versions[1]?.version ?? v) : latest])}
            onRestore={restore}
          />
        )}
      </section>
    </div>
  );
}
