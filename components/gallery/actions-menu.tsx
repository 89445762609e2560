"use client";
// An icon button that opens a short list of actions. The menu itself (Radix:
// arrows, typeahead, Esc, focus return) is fetched on first use or when the
// pointer or focus first enters the gallery (gallery.tsx), so dozens of
// thumbnails cost one plain button each and the menu's code stays out of the
// page's first-load JavaScript.
import { Button } from "@/components/ui/button";
import { clsx } from "clsx";
import { useState } from "react";
import type { ActionsMenuProps } from "./actions-menu-radix";
import { Glyph } from "./glyph";

type MenuModule = typeof import("./actions-menu-radix");
let menuModule: MenuModule | null = null;
export const loadMenu = (): Promise<MenuModule> =>
  import("./actions-menu-radix").then((m) => (menuModule = m));

export function ActionsMenu(props: ActionsMenuProps) {
  const [active, setActive] = useState<false | "pointer" | "keyboard">(false);
  const [, setLoaded] = useState(false);
  const open = (how: "pointer" | "keyboard") => {
    setActive(how);
    props.onOpenChange?.(true);
    // A click before the code arrived keeps this button (and its focus) until it has.
    if (!menuModule) void loadMenu().then(() => setLoaded(true));
  };
  if (active && menuModule) {
    const { RadixActionsMenu } = menuModule;
    return <RadixActionsMenu {...props} openedByKeyboard={active === "keyboard"} />;
  }
  return (
    <Button
      variant={props.variant === "overlay" ? "overlay" : "icon"}
      size="sm"
      aria-label={props.label}
      aria-haspopup="menu"
      aria-expanded={false}
      aria-busy={active ? true : undefined}
      onClick={(event) => {
        // detail 0: a click made by Enter or Space, not by a pointer.
        if (!active) open(event.detail === 0 ? "keyboard" : "pointer");
      }}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          if (!active) open("keyboard");
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
