"use client";
// What a proof run will cost, before anything is sent: one workflow per test
// prompt at the version's tier (the builder's price table, confirmed by the
// orchestrator's whatif as the grid confirms it). Only the button in the footer
// sends; there is no field here for Enter to submit.
import { Button, buttonClass } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogHeader,
} from "@/components/ui/dialog";
import { usePriceCheck } from "@/lib/client/grid/grid-api";
import { planProof, type ProofTarget } from "@/lib/client/proofs/proof-run";
import { formatBuzz } from "@/lib/contract/krea/pricing";
import type { PriceClass } from "@/lib/contract/grid/grid";

const CHECK_TEXT = {
  checking: "checking with the orchestrator…",
  confirmed: "confirmed by the orchestrator",
  differs: "the orchestrator quotes a different figure",
  unavailable: "the orchestrator could not confirm it",
} as const;

export function ProofDialog({
  target,
  hasProofs,
  sending,
  onConfirm,
  onClose,
}: {
  target: ProofTarget;
  /** the version was proofed before: a new run renders (and charges) again */
  hasProofs: boolean;
  sending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const plan = planProof(target);
  const first = plan.members[0];
  const n = plan.members.length;
  // Every member costs the same (one tier, one reference count): one price class.
  const classes: PriceClass[] = first
    ? [
        {
          size: first.input.size,
          quantity: 1,
          hasReferences: first.input.imageStyleReferences.length > 0,
          sample: first.input,
          cells: n,
          cost: first.cost,
        },
      ]
    : [];
  const [check] = usePriceCheck(classes);
  const { tier, seed } = target.settings;
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className="flex max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] flex-col p-0">
        <div className="overflow-y-auto p-5">
          <DialogHeader
            title={`Proof version ${target.version} of “${target.name}”`}
            description={`Each test prompt is rendered once with this version's ${target.references.length} reference${target.references.length === 1 ? "" : "s"}, ${tier}, seed ${seed}, 1:1, medium creativity.`}
          />
          <ol
            aria-label="Test prompts to render"
            className="mt-3 list-decimal space-y-1 pl-5 text-sm"
          >
            {target.settings.prompts.map((p, i) => (
              <li key={i} className="break-words">
                {p}
              </li>
            ))}
          </ol>
          <div role="status" className="mt-3 rounded-lg bg-subtle p-3 text-sm">
            <p className="font-semibold tabular-nums">
              {n} proof{n === 1 ? "" : "s"} · {formatBuzz(plan.total)} Buzz
            </p>
            {first ? (
              <p className="mt-1 text-xs text-muted">
                {n} × {first.input.size}
                {classes[0]?.hasReferences ? " with references" : ""} at {formatBuzz(first.cost)}{" "}
                Buzz — {CHECK_TEXT[check ?? "checking"]}
              </p>
            ) : null}
          </div>
          {hasProofs ? (
            <p className="mt-3 text-xs text-muted">
              This version has proofs already: proofing it again renders and charges again, and the
              new proofs take their place here.
            </p>
          ) : null}
        </div>
        <DialogFooter className="mt-0 border-t border-border p-3">
          <DialogClose className={buttonClass({ variant: "ghost", size: "md" })}>
            Cancel
          </DialogClose>
          <Button
            variant="primary"
            size="md"
            disabled={sending || n === 0}
            onClick={onConfirm}
            className="tabular-nums"
          >
            {sending
              ? "Sending…"
              : `Render ${n} proof${n === 1 ? "" : "s"} · ${formatBuzz(plan.total)} Buzz`}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
