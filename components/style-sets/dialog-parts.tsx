"use client";
// The frame shared by the style-set dialogs: the studio's dialog, opened from code.
import { useState, type ReactNode } from "react";
import { Dialog, DialogContent, DialogHeader } from "@/components/ui/dialog";

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
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        role={role}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
        }}
      >
        <DialogHeader title={title} description={description} />
        {children}
      </DialogContent>
    </Dialog>
  );
}
