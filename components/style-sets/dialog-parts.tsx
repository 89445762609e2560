"use client";
// The frame shared by the style-set dialogs, in the look of the Token dialog.
import { X } from "lucide-react";
import { Dialog } from "radix-ui";
import { useState, type ReactNode } from "react";

export const dialogButton =
  "inline-flex h-8 shrink-0 items-center justify-center gap-1.5 rounded-md px-3 text-sm font-medium disabled:opacity-60";
export const primaryButton = `${dialogButton} bg-accent text-accent-foreground hover:brightness-110`;
export const secondaryButton = `${dialogButton} border border-border bg-raised hover:bg-subtle`;

export function DialogFrame({
  title,
  description,
  onClose,
  children,
  role = "dialog",
}: {
  title: string;
  description: ReactNode;
  onClose: () => void;
  children: ReactNode;
  role?: "dialog" | "alertdialog";
}) {
  // These dialogs open from code, not from a Dialog.Trigger, so Radix has nothing
  // to hand focus back to on close: remember what had it when the dialog mounted.
  const [returnTo] = useState(() =>
    typeof document === "undefined" ? null : document.activeElement,
  );
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          role={role}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
          }}
          className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border bg-panel p-5 shadow-xl"
        >
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
            <Dialog.Close
              aria-label="Close"
              className="-m-1 rounded-md p-1 text-muted hover:bg-subtle hover:text-foreground"
            >
              <X aria-hidden="true" className="size-4" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="mt-1 text-sm text-muted">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
