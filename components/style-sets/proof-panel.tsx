"use client";
// A version's proofs: "Proof this version" (cost first, then one render per test
// prompt), progress while they render, each prompt's proof beside the last
// approved version's in the wipe view, and Approve in one click from here.
// Proofs are recorded with the version, so its page always shows why it was approved.
import { BadgeCheck, Columns2, FlaskConical, Loader2 } from "lucide-react";
import { useState } from "react";
import { WipeDialog } from "@/components/gallery/wipe-dialog";
import { Button } from "@/components/ui/button";
import { useProofRun, type ProofTarget } from "@/lib/client/proofs/proof-run";
import { useProofGenerations, useProofs } from "@/lib/client/proofs/use-proofs";
import type { StyleSetStatusEvent, StyleSetVersion } from "@/lib/contract/style-sets/history";
import { comparedVersion, pairProofs } from "@/lib/contract/style-sets/proof";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { ProofDialog } from "./proof-dialog";
import { ProofTile } from "./proof-tile";

const hasImage = (g: { final: boolean; images: { available: boolean }[] } | undefined) =>
  Boolean(g?.final && g.images.some((i) => i.available));

export function ProofPanel({
  set,
  versions,
  statusEvents,
  version,
  busy,
  onApprove,
}: {
  set: StyleSet;
  versions: readonly StyleSetVersion[];
  statusEvents: readonly StyleSetStatusEvent[];
  /** the version this page is about */
  version: number;
  busy: boolean;
  onApprove: () => void;
}) {
  const v = versions.find((x) => x.version === version);
  const settings = v?.proof ?? null;
  const other = comparedVersion(version, set.approvedVersion, statusEvents);
  const mine = useProofs(set.id, version);
  const theirs = useProofs(set.id, other);
  const rows = pairProofs(
    settings?.prompts ?? [],
    mine.data ?? [],
    other ? (theirs.data ?? []) : null,
  );
  const generations = useProofGenerations(
    rows
      .flatMap((r) => [r.mine?.workflowId, r.approved?.workflowId])
      .filter((id) => id !== undefined),
  );
  const target: ProofTarget | null =
    v && settings
      ? { setId: set.id, name: set.name, version, references: v.references, settings }
      : null;
  const proofRun = useProofRun(target);
  const [confirming, setConfirming] = useState(false);
  const [wipe, setWipe] = useState<number | null>(null);

  const recorded = rows.filter((r) => r.mine);
  const done = recorded.filter((r) => generations.get(r.mine!.workflowId)?.final).length;
  const rendering = proofRun.state !== "idle" || done < recorded.length;
  const isApproved = set.status === "approved" && set.approvedVersion === version;
  const canApprove = version === set.version && !isApproved && recorded.length > 0;
  const mineLabel = `Version ${version}`;
  const otherLabel = other ? `Version ${other} (approved)` : "";
  const wipeRow = wipe !== null ? rows[wipe] : undefined;
  const wipeMine = wipeRow?.mine ? generations.get(wipeRow.mine.workflowId) : undefined;
  const wipeOther = wipeRow?.approved ? generations.get(wipeRow.approved.workflowId) : undefined;

  return (
    <section aria-labelledby="proofs-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="proofs-heading" className="text-sm font-semibold">
          Proofs of version {version}
        </h3>
        <div className="flex flex-wrap gap-2">
          {target ? (
            <Button
              disabled={proofRun.state !== "idle"}
              onClick={() => setConfirming(true)}
              aria-haspopup="dialog"
            >
              <FlaskConical aria-hidden="true" className="size-3.5" />
              Proof this version
            </Button>
          ) : null}
          {canApprove ? (
            <Button
              variant="primary"
              disabled={busy || rendering}
              onClick={onApprove}
              aria-label={`Approve version ${version} from its proofs`}
            >
              <BadgeCheck aria-hidden="true" className="size-3.5" />
              Approve version {version}
            </Button>
          ) : null}
        </div>
      </div>

      {!settings ? (
        <p className="text-xs text-muted">
          {version === set.version
            ? "Add test prompts under Proof settings and save them; then this version can be proofed."
            : `Version ${version} was saved without test prompts, so it cannot be proofed.`}
        </p>
      ) : (
        <p className="text-xs text-muted">
          {isApproved ? `Version ${version} is the approved version. ` : ""}
          {other
            ? `Each proof sits beside version ${other}'s (${other === set.approvedVersion ? "the approved version" : "approved before"}) for the same test prompt.`
            : "No version of this set was approved yet: these proofs stand alone."}
        </p>
      )}

      {recorded.length > 0 || proofRun.state !== "idle" ? (
        <div className="flex flex-col gap-1">
          <div
            role="progressbar"
            aria-label="Proofs rendered"
            aria-valuemin={0}
            aria-valuemax={Math.max(recorded.length, 1)}
            aria-valuenow={done}
            className="h-1.5 w-full overflow-hidden rounded bg-subtle"
          >
            <div
              className="h-full bg-accent transition-[width]"
              style={{ width: `${(done / Math.max(1, recorded.length)) * 100}%` }}
            />
          </div>
          <p aria-live="polite" className="flex items-center gap-1.5 text-xs tabular-nums">
            {rendering ? <Loader2 aria-hidden="true" className="size-3 animate-spin" /> : null}
            {proofRun.state === "sending"
              ? "Sending the proofs…"
              : proofRun.state === "recording"
                ? "Recording the proofs…"
                : `${done} of ${recorded.length} proofs rendered`}
          </p>
        </div>
      ) : null}

      {settings && rows.length > 0 ? (
        <ol aria-label={`Proofs of version ${version}`} className="grid gap-3 sm:grid-cols-2">
          {rows.map((r) => {
            const g = r.mine ? generations.get(r.mine.workflowId) : undefined;
            const a = r.approved ? generations.get(r.approved.workflowId) : undefined;
            const n = r.promptIndex + 1;
            return (
              <li
                key={r.promptIndex}
                aria-label={`Test prompt ${n}`}
                className="rounded-lg border border-border bg-raised p-3"
              >
                <p className="mb-2 line-clamp-2 text-xs break-words">
                  <span className="text-muted">{n}.</span> {r.prompt}
                </p>
                <div className={`grid gap-2 ${other ? "grid-cols-2" : "grid-cols-1 max-w-48"}`}>
                  {other ? (
                    <ProofTile
                      generation={a}
                      recorded={r.approved !== null}
                      label={otherLabel}
                      prompt={r.approved?.prompt ?? r.prompt}
                    />
                  ) : null}
                  <ProofTile
                    generation={g}
                    recorded={r.mine !== null}
                    sending={proofRun.state !== "idle"}
                    label={mineLabel}
                    prompt={r.prompt}
                  />
                </div>
                {r.approvedPromptDiffers ? (
                  <p className="mt-1 text-[11px] text-warning">
                    Version {other} rendered another prompt here: “{r.approved?.prompt}”.
                  </p>
                ) : null}
                {other ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="mt-2 px-2"
                    disabled={!hasImage(g) || !hasImage(a)}
                    onClick={() => setWipe(r.promptIndex)}
                    aria-label={`Compare test prompt ${n} with version ${other}`}
                  >
                    <Columns2 aria-hidden="true" className="size-3.5" />
                    Compare in wipe view
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}

      {confirming && target ? (
        <ProofDialog
          target={target}
          hasProofs={recorded.length > 0}
          sending={proofRun.state !== "idle"}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void proofRun.run();
          }}
        />
      ) : null}
      {wipeMine && wipeOther && other ? (
        <WipeDialog
          medium={wipeOther}
          large={wipeMine}
          index={0}
          labels={[otherLabel, mineLabel]}
          onClose={() => setWipe(null)}
        />
      ) : null}
    </section>
  );
}
