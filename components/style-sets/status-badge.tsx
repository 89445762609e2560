// A set's status where sets are listed: approved stands out, retired is muted.
import { BadgeCheck, Archive } from "lucide-react";
import type { StyleSetStatus } from "@/lib/contract/style-sets/history";

export function StatusBadge({ status }: { status: StyleSetStatus }) {
  if (status === "approved") {
    return (
      <span className="inline-flex shrink-0 items-center gap-1 rounded-full bg-accent/15 px-1.5 py-px text-[11px] font-medium text-accent">
        <BadgeCheck aria-hidden="true" className="size-3" />
        Approved
      </span>
    );
  }
  if (status === "retired") {
    return (
      <span className="inline-flex shrink-0 items-center gap-1 rounded-full bg-subtle px-1.5 py-px text-[11px] font-medium text-muted">
        <Archive aria-hidden="true" className="size-3" />
        Retired
      </span>
    );
  }
  return (
    <span className="inline-flex shrink-0 items-center rounded-full border border-border px-1.5 py-px text-[11px] text-muted">
      Draft
    </span>
  );
}
