"use client";
// The menu behind ActionsMenu, loaded on demand. It mounts open, because it
// replaces the plain button the designer just pressed; from then on it is an
// ordinary Radix menu that returns focus to its trigger. Radix moves focus to
// the first item only when it saw the key that opened it; this menu mounts
// after that key, so it is told (openedByKeyboard) and does it itself.
import { DropdownMenu } from "radix-ui";
import { useRef } from "react";
import { clsx } from "clsx";
import { Button } from "@/components/ui/button";
import type { LucideIcon } from "lucide-react";
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

export function RadixActionsMenu({
  label,
  actions,
  variant,
  className,
  onOpenChange,
  openedByKeyboard,
}: ActionsMenuProps) {
  // Only the opening that mounted this menu; later ones Radix sees itself.
  const keyboardOpen = useRef(openedByKeyboard === true);
  return (
    <DropdownMenu.Root modal={false} defaultOpen onOpenChange={onOpenChange}>
      <DropdownMenu.Trigger asChild>
        <Button
          variant={variant === "overlay" ? "overlay" : "icon"}
          size="sm"
          aria-label={label}
          className={clsx(
            variant !== "overlay" &&
              "data-[state=open]:bg-subtle data-[state=open]:text-foreground",
            className,
          )}
        >
          <Glyph name="dots" className="size-4" />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          onFocus={(event) => {
            // Radix focuses the menu itself on open; move on to the first item.
            if (!keyboardOpen.current || event.target !== event.currentTarget) return;
            keyboardOpen.current = false;
            event.currentTarget
              .querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')
              ?.focus();
          }}
          className="z-50 min-w-48 rounded-lg border border-border bg-raised p-1 text-foreground shadow-lg shadow-black/10"
        >
          {(typeof actions === "function" ? actions() : actions).map(
            ({ label: text, icon: Icon, onSelect, disabled }) => (
              <DropdownMenu.Item
                key={text}
                disabled={disabled}
                onSelect={onSelect}
                className="flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-[13px] outline-none select-none data-disabled:opacity-50 data-highlighted:bg-subtle"
              >
                <Icon aria-hidden="true" className="size-4 text-muted" />
                {text}
              </DropdownMenu.Item>
            ),
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
