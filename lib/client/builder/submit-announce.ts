"use client";
// The toasts that say what a Generate click became: one per generation, or one
// for a click that sent several (Compare, a sweep).
import { toast } from "@/lib/client/platform/toast";
import { planCostText, type SubmitPlan } from "@/lib/client/builder/submit-plans";
import type { Generation } from "@/lib/contract/generations/types";
import { formatBuzz } from "@/lib/contract/krea/pricing";

const ENDED: Partial<Record<Generation["status"], string>> = {
  failed: "The generation failed",
  expired: "The generation expired before it was scheduled",
  canceled: "The generation was canceled",
};

const images = (n: number) => `${n} ${n === 1 ? "image" : "images"}`;

export function announce(generation: Generation, resumed: boolean): void {
  const n = generation.input?.quantity ?? generation.images.length;
  const buzz = `${formatBuzz(generation.quotedBuzz)} Buzz`;
  const prefix = resumed ? "Recovered after reload: " : "";
  if (generation.status === "succeeded") {
    toast.success(`${prefix}${images(n)} ready · ${buzz}`);
  } else if (generation.final) {
    toast.error(
      `${prefix}${ENDED[generation.status] ?? `The generation ended: ${generation.status}`}`,
      {
        description: generation.failureReason ?? undefined,
      },
    );
  } else {
    // Its id lets the watch close it when the generation ends (the card says the rest).
    // Not a recovered one: that news is worth its full time on screen, and a resent
    // request often answers just before its generation ends.
    const message = `${prefix}Generating ${images(n)} · ${buzz}`;
    if (resumed) toast.success(message);
    else toast.success(message, { id: generation.id });
  }
}

export function announcePlan(plan: SubmitPlan, results: (Generation | null)[]): void {
  const sent = results.filter((g): g is Generation => g !== null);
  if (sent.length === 0) return;
  const what =
    sent.length === plan.members.length
      ? `${plan.title}: ${sent.length} generations`
      : `${plan.title}: ${sent.length} of ${plan.members.length} generations`;
  toast.success(`${what} · ${planCostText(plan)}`);
}
