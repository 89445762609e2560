"use client";
// Everything a designer can do with one generation, in one list for the card's
// menu and the lightbox. Apart from the gallery's context so the page's first
// load does not carry the menus' icons and plans.
import type { LucideIcon } from "lucide-react";
import { Braces, Copy, Dices, Layers, Repeat, SlidersHorizontal, Wand2 } from "lucide-react";
import {
  planCreativitySweep,
  planRepeat,
  planTierTry,
  type SubmitPlan,
} from "@/lib/client/builder/submit-plans";
import type { Generation } from "@/lib/contract/generations/types";
import { formatBuzz } from "@/lib/contract/krea/pricing";
import { copySeed, reuseSettings, type GalleryActions } from "./gallery-actions";

export interface GenerationAction {
  label: string;
  icon: LucideIcon;
  onSelect: () => void;
  disabled?: boolean;
}

const costOf = (plan: SubmitPlan | null) => (plan ? ` · ${formatBuzz(plan.total)} Buzz` : "");

/** Plans are made when chosen, so each click gets its own seed and ids; labels show the cost. */
export function generationActions(
  g: Generation,
  actions: Pick<GalleryActions, "runPlan" | "showApiRequest">,
  { paired }: { paired: boolean },
): GenerationAction[] {
  const hasInput = g.input !== null && typeof g.input.seed === "number";
  const other = g.input?.size === "large" ? "medium" : "large";
  const run = (make: () => SubmitPlan | null) => () => {
    const plan = make();
    if (plan) actions.runPlan(plan);
  };
  const preview = hasInput ? planRepeat(g, "rerun") : null;
  const tier = hasInput && !paired ? planTierTry(g) : null;
  const sweep = hasInput && g.input ? planCreativitySweep(g.input) : null;
  const list: GenerationAction[] = [
    { label: "Reuse settings", icon: Wand2, onSelect: () => reuseSettings(g), disabled: !hasInput },
    {
      label: `Remix (new seed)${costOf(preview)}`,
      icon: Dices,
      onSelect: run(() => planRepeat(g, "remix")),
      disabled: !hasInput,
    },
    {
      label: `Rerun (same seed)${costOf(preview)}`,
      icon: Repeat,
      onSelect: run(() => planRepeat(g, "rerun")),
      disabled: !hasInput,
    },
  ];
  if (!paired) {
    list.push({
      label: `Try on ${other}, same seed${costOf(tier)}`,
      icon: Layers,
      onSelect: run(() => planTierTry(g)),
      disabled: !hasInput,
    });
  }
  list.push(
    {
      label: `Creativity sweep${costOf(sweep)}`,
      icon: SlidersHorizontal,
      onSelect: run(() =>
        g.input ? planCreativitySweep(g.input, { id: g.id, kind: "sweep" }) : null,
      ),
      disabled: !hasInput,
    },
    { label: "Copy seed", icon: Copy, onSelect: () => copySeed(g), disabled: !hasInput },
    {
      label: "Copy as API request",
      icon: Braces,
      onSelect: () => actions.showApiRequest(g.id),
      disabled: !hasInput,
    },
  );
  return list;
}
