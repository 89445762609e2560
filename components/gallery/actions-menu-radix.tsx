"use client";
// The menu behind ActionsMenu, loaded on demand. It mounts open, because it
// replaces the plain button the designer just pressed; from then on it is an
// ordinary Radix menu that returns focus to its trigger.
import { DropdownMenu } from "radix-ui";
import { triggerClass, type ActionsMenuProps } from "./actions-menu";
import { Glyph } from "./glyph";

export function RadixActionsMenu({
  label,
  actions,
  variant,
  className,
  onOpenChange,
}: ActionsMenuProps) {
  return (
    <DropdownMenu.Root modal={false} defaultOpen onOpenChange={onOpenChange}>
      <DropdownMenu.Trigger aria-label={label} className={triggerClass(variant, className)}>
        <Glyph name="dots" className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
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
