"use client";
// The studio's dialogs over Radix Dialog: the overlay, the panel, the title, the
// description and the close button are styled here once. `layout="stage"` is the
// full-screen dark stage of the lightbox and the wipe view.
import { X } from "lucide-react";
import { Dialog as Radix } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { buttonClass } from "./button";
import { cn } from "./cn";

export const Dialog = Radix.Root;
export const DialogClose = Radix.Close;

const overlays = { panel: "bg-black/40", stage: "bg-black" } as const;
const panels = {
  panel:
    "top-1/2 left-1/2 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border bg-panel p-5 text-foreground shadow-xl",
  stage: "inset-0 outline-none",
} as const;

export function DialogContent({
  layout = "panel",
  overlayClassName,
  className,
  children,
  ...props
}: ComponentProps<typeof Radix.Content> & {
  layout?: keyof typeof panels;
  overlayClassName?: string;
}) {
  return (
    <Radix.Portal>
      <Radix.Overlay className={cn("fixed inset-0 z-40", overlays[layout], overlayClassName)} />
      <Radix.Content className={cn("fixed z-50", panels[layout], className)} {...props}>
        {children}
      </Radix.Content>
    </Radix.Portal>
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof Radix.Title>) {
  return <Radix.Title className={cn("text-base font-semibold", className)} {...props} />;
}

export function DialogDescription({
  className,
  ...props
}: ComponentProps<typeof Radix.Description>) {
  return <Radix.Description className={cn("mt-1 text-sm text-muted", className)} {...props} />;
}

/** The × in a dialog's corner; "Close" is its accessible name. */
export function DialogCloseButton({ className }: { className?: string }) {
  return (
    <Radix.Close
      aria-label="Close"
      className={buttonClass({ variant: "icon", size: "sm", className })}
    >
      <X aria-hidden="true" className="size-4" />
    </Radix.Close>
  );
}

/** Title and × on one row, the description below. */
export function DialogHeader({
  title,
  description,
}: {
  title: ReactNode;
  description?: ReactNode;
}) {
  return (
    <>
      <div className="flex items-start justify-between gap-4">
        <DialogTitle>{title}</DialogTitle>
        <DialogCloseButton className="-m-1" />
      </div>
      {description ? <DialogDescription>{description}</DialogDescription> : null}
    </>
  );
}

/** The row of actions at the bottom, the primary one last. */
export function DialogFooter({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("mt-4 flex justify-end gap-2", className)}>{children}</div>;
}
