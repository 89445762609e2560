"use client";
// One Generate click (or a card's Rerun, a sweep, Compare) becomes stored
// requests, one key per workflow, all stored before the first is sent
// (exactly once: README "How it works").
import {
  newPendingSubmit,
  savePendingSubmits,
  type SubmitStyleSet,
} from "@/lib/client/builder/pending-submits";
import type { SubmitPlan } from "@/lib/client/builder/submit-plans";
import { sessionStore } from "@/lib/client/platform/session-store";
import { toast } from "@/lib/client/platform/toast";
import type { Generation } from "@/lib/contract/generations/types";
import type { KreaInput } from "@/lib/contract/krea/schema";
import { getCurrentAccount } from "../platform/current-account";
import { announcePlan } from "./submit-announce";
import { send, sending, type SendContext } from "./submit-send";
import { setState } from "./submit-state";

/** true while a click's request is being prepared, before it has a key */
let preparing = false;

export interface SubmitClickOptions {
  /** the style set to record on the generation */
  styleSet?: SubmitStyleSet | null;
  /** last changes to the input before its key is made and stored; a throw cancels the submit */
  prepare?: (input: KreaInput & { seed: number }) => Promise<KreaInput & { seed: number }>;
}

/**
 * Runs the click's preparation once, on the first member, and carries the fresh
 * reference URLs to every member by position (a strength sweep's members differ
 * only in one strength, so their references line up). Null when it failed: the
 * designer has been told, nothing was sent.
 */
export async function preparePlan(plan: SubmitPlan, prepare: SubmitClickOptions["prepare"]) {
  if (!prepare) return plan;
  preparing = true;
  setState({ pending: true });
  try {
    const fresh = (await prepare(plan.members[0]!.input)).imageStyleReferences;
    return {
      ...plan,
      members: plan.members.map((m) => ({
        ...m,
        input: {
          ...m.input,
          imageStyleReferences: m.input.imageStyleReferences.map((ref, i) => ({
            ...ref,
            imageUrl: fresh[i]?.imageUrl ?? ref.imageUrl,
          })),
        },
      })),
    };
  } catch (error) {
    toast.error("Generate did not go through", {
      description: `${error instanceof Error ? error.message : String(error)} Nothing was sent or charged.`,
    });
    return null;
  } finally {
    preparing = false;
    setState({ pending: sending() });
  }
}

/** Sends one click's workflows; ignored while another click is in flight. */
export async function sendPlan(
  ctx: SendContext,
  plan: SubmitPlan,
  options: SubmitClickOptions = {},
): Promise<(Generation | null)[]> {
  // The guard is synchronous: a double click's second event sees it at once,
  // before React has re-rendered the button as disabled.
  if (sending() || preparing || plan.members.length === 0) return [];
  // Whom this click spends for; the header sets it as the page starts.
  const account = getCurrentAccount();
  if (!account) {
    toast.error("Generate did not go through", {
      description: "The studio is still starting in this tab. Nothing was sent; try again.",
    });
    return [];
  }
  const ready = await preparePlan(plan, options.prepare);
  if (!ready) return [];
  const several = ready.members.length > 1;
  const group = several ? globalThis.crypto.randomUUID() : undefined;
  const now = Date.now();
  const entries = ready.members.map((m) =>
    newPendingSubmit(m.input, now, {
      account,
      context: m.context,
      group,
      styleSet: options.styleSet,
      // Several at once return at once: the gallery follows them with one long-poll.
      wait: several ? 0 : undefined,
    }),
  );
  savePendingSubmits(sessionStore(), entries);
  const results = await Promise.all(entries.map((e) => send(ctx, e, { quiet: several })));
  if (several) announcePlan(ready, results);
  return results;
}
