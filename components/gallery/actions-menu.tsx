"use client";
// An icon button that opens a short list of actions. The menu itself (Radix:
// arrows, typeahead, Esc, focus return) is fetched on first use or when the
// browser is idle, so dozens of thumbnails cost one plain button each and the
// menu's code stays out of the page's first-load JavaScript.
import { Button } from "@/components/ui/button";
import { clsx } from "clsx";
import type { LucideIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Glyph } from "./glyph";

export interface MenuAction {
  label: string;
  icon: LucideIcon;
  onSelect: () => void;
  disabled?: boolean;
}

export interface ActionsMenuProps {
  /** the trigger's accessible name, e.g. "Actions for image 2 of 4" */
  label: string;
  /** the items, or a function making them when the menu opens (plans and costs are made then) */
  actions: MenuAction[] | (() => MenuAction[]);
  /** "overlay" sits on an image: light icon on a dark veil */
  variant?: "plain" | "overlay";
  /** placement only */
  className?: string;
  onOpenChange?: (open: boolean) => void;
  /** set when the plain button was pressed from the keyboard: the menu then focuses its first item */
  openedByKeyboard?: boolean;
}

export const loadMenu = () => import("./actions-menu-radix");
const RadixActionsMenu = dynamic(() => loadMenu().then((m) => m.RadixActionsMenu), {
  ssr: false,
  loading: () => null,
});

export function triggerClass(variant: ActionsMenuProps["variant"], className?: string): string {
  return clsx(
    "inline-flex size-7 shrink-0 items-center justify-center rounded-md",
    variant === "overlay"
      ? "bg-black/55 text-white backdrop-blur-sm hover:bg-black/70"
      : "text-muted hover:bg-subtle hover:text-foreground data-[state=open]:bg-subtle data-[state=open]:text-foreground",
    className,
  );
}

export function ActionsMenu(props: ActionsMenuProps) {
  const [active, setActive] = useState<false | "pointer" | "keyboard">(false);
  if (active) return <RadixActionsMenu {...props} openedByKeyboard={active === "keyboard"} />;
  return (
    <Button
      variant="bare"
      aria-label={props.label}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={(event) => {
        // detail 0: a click made by Enter or Space, not by a pointer.
        setActive(event.detail === 0 ? "keyboard" : "pointer");
        props.onOpenChange?.(true);
      }}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          setActive("keyboard");
          props.onOpenChange?.(true);
        }
      }}
      className={triggerClass(props.variant, props.className)}
    >
      <Glyph name="dots" className="size-4" />
    </Button>
  );
}
