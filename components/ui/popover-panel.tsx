"use client";
// The Radix half of LazyPopover (components/ui/lazy-popover.tsx).
import { Popover } from "radix-ui";
import { useRef, type ComponentProps, type ReactNode, type RefObject } from "react";

type ContentProps = ComponentProps<typeof Popover.Content>;

export interface PopoverPanelProps {
  anchor: RefObject<HTMLButtonElement | null>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  content: Pick<
    ContentProps,
    "align" | "side" | "sideOffset" | "collisionPadding" | "className" | "aria-label"
  >;
  children: ReactNode;
}

export function PopoverPanel({ anchor, open, onOpenChange, content, children }: PopoverPanelProps) {
  const panel = useRef<HTMLDivElement>(null);
  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Anchor virtualRef={anchor} />
      <Popover.Portal>
        <Popover.Content
          {...content}
          ref={panel}
          // The button toggles by itself: a press on it is not a press outside.
          onInteractOutside={(event) => {
            if (anchor.current?.contains(event.target as Node)) event.preventDefault();
          }}
          // Back to the button, unless focus has already gone somewhere else.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const active = document.activeElement;
            if (!active || active === document.body || panel.current?.contains(active)) {
              anchor.current?.focus();
            }
          }}
        >
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
