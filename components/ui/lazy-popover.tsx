"use client";
// A popover whose Radix code (Popover, Popper, floating-ui: ~12 kB gzip) loads
// the first time it opens, or when the pointer or focus reaches its button. The
// button itself is plain and drawn with the page; the panel anchors to it.
import dynamic from "next/dynamic";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "./button";
import type { PopoverPanelProps } from "./popover-panel";

const load = () => import("./popover-panel");
const PopoverPanel = dynamic(() => load().then((m) => m.PopoverPanel), { ssr: false });

export interface LazyPopoverProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** what the button shows */
  trigger: ReactNode;
  /** the button's look, usually `buttonClass(…)` */
  triggerClassName: string;
  /** accessible name when the button's content is an icon */
  triggerLabel?: string;
  content: PopoverPanelProps["content"];
  children: ReactNode;
}

export function LazyPopover({
  open,
  onOpenChange,
  trigger,
  triggerClassName,
  triggerLabel,
  content,
  children,
}: LazyPopoverProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [used, setUsed] = useState(false);
  if (open && !used) setUsed(true);
  return (
    <>
      <Button
        ref={button}
        variant="bare"
        aria-label={triggerLabel}
        title={triggerLabel}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-state={open ? "open" : "closed"}
        onClick={() => onOpenChange(!open)}
        onPointerEnter={() => void load()}
        onFocus={() => void load()}
        className={triggerClassName}
      >
        {trigger}
      </Button>
      {used ? (
        <PopoverPanel anchor={button} open={open} onOpenChange={onOpenChange} content={content}>
          {children}
        </PopoverPanel>
      ) : null}
    </>
  );
}
