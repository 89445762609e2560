"use client";
// The clicks beside Generate that submit several workflows at once — both
// tiers on one seed, a creativity sweep, a strength sweep — each showing what
// it will cost before it is pressed. A click above the designer's limit asks
// first (useRunPlan); the strength sweep asks which reference and strengths.
import { Button } from "@/components/ui/button";
import { Columns2, Rows3, SlidersHorizontal } from "lucide-react";
import type { ReactNode } from "react";
import { formatBuzz } from "@/lib/contract/krea/pricing";

export interface CompareCosts {
  compare: number;
  creativitySweep: number;
  /** one strength-sweep member; the dialog multiplies by the strengths chosen */
  strengthMember: number;
}

export function CompareActions({
  costs,
  pending,
  referenceCount,
  onCompare,
  onCreativitySweep,
  onStrengthSweep,
  priced,
}: {
  costs: CompareCosts;
  pending: boolean;
  referenceCount: number;
  onCompare: () => void;
  onCreativitySweep: () => void;
  onStrengthSweep: () => void;
  /** false while the quantity is not one the orchestrator takes: no price to show */
  priced: boolean;
}) {
  const price = (buzz: number, suffix = "") => (priced ? `${formatBuzz(buzz)} Buzz${suffix}` : "—");
  return (
    <div role="group" aria-label="Compare" className="mt-2 grid grid-cols-3 gap-1.5">
      <CompareButton
        icon={<Columns2 aria-hidden="true" className="size-3.5" />}
        label="Compare tiers"
        detail={price(costs.compare)}
        title="The same prompt and seed as medium and as large, side by side"
        onClick={onCompare}
        disabled={pending}
      />
      <CompareButton
        icon={<Rows3 aria-hidden="true" className="size-3.5" />}
        label="Creativity sweep"
        detail={price(costs.creativitySweep)}
        title="One seed at raw, low, medium and high creativity"
        onClick={onCreativitySweep}
        disabled={pending}
      />
      <CompareButton
        icon={<SlidersHorizontal aria-hidden="true" className="size-3.5" />}
        label="Strength sweep"
        detail={referenceCount > 0 ? price(costs.strengthMember, " each") : "Add a reference"}
        title={
          referenceCount > 0
            ? "One reference at several strengths, everything else the same"
            : "Add a style reference to sweep its strength"
        }
        onClick={onStrengthSweep}
        disabled={pending || referenceCount === 0}
      />
    </div>
  );
}

function CompareButton({
  icon,
  label,
  detail,
  title,
  onClick,
  disabled,
}: {
  icon: ReactNode;
  label: string;
  detail: string;
  title: string;
  onClick: () => void;
  disabled: boolean;
}) {
  return (
    <Button
      variant="bare"
      title={title}
      onClick={onClick}
      disabled={disabled}
      className="flex min-w-0 flex-col items-start gap-0.5 rounded-md border border-border-strong bg-raised px-1.5 py-1.5 text-left hover:bg-subtle disabled:cursor-not-allowed disabled:opacity-55"
    >
      <span className="flex max-w-full min-w-0 items-center gap-1 text-xs font-medium whitespace-nowrap">
        <span className="hidden shrink-0 min-[420px]:inline md:hidden">{icon}</span>
        <span className="truncate">{label}</span>
      </span>
      <span className="text-[11px] text-muted tabular-nums">{detail}</span>
    </Button>
  );
}
