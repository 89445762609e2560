"use client";
// An icon button that opens a short list of actions. The menu itself (Radix:
// arrows, typeahead, Esc, focus return) is fetched on first use or when the
// browser is idle, so dozens of thumbnails cost one plain button each and the
// menu's code stays out of the page's first-load JavaScript.
import { Button } from "@/components/ui/button";
import { clsx } from "clsx";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { ActionsMenuProps } from "./actions-menu-radix";
import { Glyph } from "./glyph";

export const loadMenu = () => import("./actions-menu-radix");
const RadixActionsMenu = dynamic(() => loadMenu().then((m) => m.RadixActionsMenu), {
  ssr: false,
  loading: () => null,
});

export function ActionsMenu(props: ActionsMenuProps) {
  const [active, setActive] = useState<false | "pointer" | "keyboard">(false);
  if (active) return <RadixActionsMenu {...props} openedByKeyboard={active === "keyboard"} />;
  return (
    <Button
      variant={props.variant === "overlay" ? "overlay" : "icon"}
      size="sm"
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
      className={clsx(
        props.variant !== "overlay" &&
          "data-[state=open]:bg-subtle data-[state=open]:text-foreground",
        props.className,
      )}
    >
      <Glyph name="dots" className="size-4" />
    </Button>
  );
}
