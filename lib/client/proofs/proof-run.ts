"use client";
// "Proof this version": the Buzz first, then one generation per test prompt
// with the version's references, tier and seed, recorded as the version's proofs.
//
// Decision: proofs go through the builder's submit path (sendPlan in
// lib/client/builder/submit-click.ts), not a grid plan (lib/server/plans).
// - Exactly once: every prompt gets its own Idempotency-Key, stored before the
//   first is sent, retried with the same key, deduplicated by the server and by
//   the orchestrator's externalId (README "Exactly once"); a second click while
//   one is being sent is ignored synchronously.
// - Account: each request names the account it was made for (X-Studio-Account);
//   another account's is held, never sent.
// - Progress: the workflow ids come back at once (wait=0), so the proofs are
//   recorded immediately and the page follows them with the gallery's one
//   long-poll.
// A plan would do all of this too, but a grid axis needs two values (a set with
// one test prompt is no grid), a plan is a grid card in the gallery, and its
// workflow ids arrive only as its runner sends them, so the record would wait on
// polling. Cost: a submit that gives up is kept for the builder's Retry and is not
// recorded as a proof; proofing the version again records a fresh run.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { workflowCost, type SubmitPlan } from "@/lib/client/builder/submit-plans";
import { useSubmitPlan } from "@/lib/client/builder/use-submit-generation";
import { getAuthor } from "@/lib/client/references/use-author";
import { apiFetch } from "@/lib/client/platform/api-client";
import { toast } from "@/lib/client/platform/toast";
import {
  proofInputs,
  type ProofSettings,
  type StyleSetProof,
} from "@/lib/contract/style-sets/proof";
import type { Generation } from "@/lib/contract/generations/types";
import type { StyleSetReference } from "@/lib/contract/style-sets/schema";
import { proofsKey } from "./use-proofs";

export interface ProofTarget {
  setId: string;
  name: string;
  version: number;
  references: readonly StyleSetReference[];
  settings: ProofSettings;
}

/** One workflow per test prompt, priced by the builder's table (whole Buzz each). */
export function planProof(target: ProofTarget): SubmitPlan {
  const members = proofInputs(target.references, target.settings).map((input, i) => ({
    input,
    context: {},
    label: `Test prompt ${i + 1}`,
    cost: workflowCost(input),
  }));
  return {
    kind: "proof",
    title: `Proof of “${target.name}” v${target.version}`,
    members,
    total: members.reduce((sum, m) => sum + m.cost, 0),
  };
}

/** The proofs to record: each prompt whose workflow exists, by its place in the settings. */
export function sentProofs(results: readonly (Generation | null)[]) {
  return results.flatMap((g, promptIndex) => (g ? [{ promptIndex, workflowId: g.id }] : []));
}

type Sent = ReturnType<typeof sentProofs>;

/**
 * Records a run's workflows as the version's proofs. A failed record offers
 * Retry with the same workflows (the server lists a render once), never a new run.
 */
async function record(target: ProofTarget, proofs: Sent, done: () => unknown): Promise<boolean> {
  const author = getAuthor();
  try {
    await apiFetch<{ items: StyleSetProof[] }>(
      `/api/style-sets/${encodeURIComponent(target.setId)}/versions/${target.version}/proofs`,
      { method: "POST", json: { proofs, ...(author ? { author } : {}) } },
    );
    return true;
  } catch (error) {
    toast.error("The proofs were sent but could not be recorded", {
      description: `${error instanceof Error ? error.message : String(error)} Retry records the same renders; nothing is charged again.`,
      action: { label: "Retry", onClick: () => void record(target, proofs, done).then(done) },
    });
    return false;
  }
}

export type ProofRunState = "idle" | "sending" | "recording";

export function useProofRun(target: ProofTarget | null) {
  const submit = useSubmitPlan();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ProofRunState>("idle");
  // Synchronous: a double click's second event sees it before React re-renders.
  const running = useRef(false);

  const run = useCallback(async (): Promise<boolean> => {
    if (!target || running.current) return false;
    running.current = true;
    setState("sending");
    try {
      const plan = planProof(target);
      const results = await submit(plan, {
        styleSet: { id: target.setId, version: target.version },
      });
      if (results.length === 0) {
        toast.error("The proofs were not sent", {
          description: "Another generation of this tab is still being sent. Nothing was charged.",
        });
        return false;
      }
      const proofs = sentProofs(results);
      if (proofs.length === 0) return false; // each failure was toasted by the submit
      setState("recording");
      if (proofs.length < plan.members.length) {
        toast.error(`${proofs.length} of ${plan.members.length} proofs were sent`, {
          description: "The others did not go through; see the messages above.",
        });
      }
      return await record(target, proofs, () =>
        queryClient.invalidateQueries({ queryKey: proofsKey(target.setId, target.version) }),
      );
    } finally {
      void queryClient.invalidateQueries({ queryKey: proofsKey(target.setId, target.version) });
      running.current = false;
      setState("idle");
    }
  }, [queryClient, submit, target]);

  return { run, state };
}
