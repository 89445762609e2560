"use client";
// The header's spend summary button; its panel (spend-summary-panel.tsx) loads
// with the popover the first time it opens.
import { buttonClass } from "@/components/ui/button";
import { LazyPopover } from "@/components/ui/lazy-popover";
import { ChartColumn } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";

const SpendSummaryPanel = dynamic(
  () => import("./spend-summary-panel").then((m) => m.SpendSummaryPanel),
  { ssr: false },
);

export function SpendSummaryButton() {
  const [open, setOpen] = useState(false);
  return (
    <LazyPopover
      open={open}
      onOpenChange={setOpen}
      triggerLabel="Spend summary"
      triggerClassName={buttonClass({
        variant: "icon",
        size: "sm",
        className: "data-[state=open]:bg-subtle",
      })}
      trigger={<ChartColumn aria-hidden="true" className="size-4" />}
      content={{
        align: "end",
        sideOffset: 6,
        "aria-label": "Spend summary",
        className:
          "z-40 w-[min(22rem,calc(100vw-1.5rem))] rounded-lg border border-border bg-panel p-3 text-xs shadow-lg",
      }}
    >
      <SpendSummaryPanel open={open} />
    </LazyPopover>
  );
}
