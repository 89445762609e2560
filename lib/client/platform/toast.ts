"use client";
// Toasts without sonner in the first load: the first toast loads sonner and
// mounts its Toaster (components/lazy-toaster.tsx), then shows; later ones show
// at once. Same call shapes as sonner's `toast` for the parts the studio uses.
import type { ExternalToast, toast as sonnerToast } from "sonner";
import { createStore, useStore } from "@/lib/client/platform/store";

type Sonner = typeof sonnerToast;
type Call = (real: Sonner) => void;

let real: Sonner | null = null;
let queue: Call[] = [];
const wanted = createStore(false);

function run(call: Call): void {
  if (real) {
    call(real);
    return;
  }
  queue.push(call);
  wanted.set(true);
}

/** The lazy Toaster asks whether it is needed yet, and is told when it becomes so. */
export function useToasterWanted(): boolean {
  return useStore(wanted);
}

/** Called once sonner's Toaster has mounted (it drops toasts published before that). */
export function toasterReady(sonner: Sonner): void {
  real = sonner;
  const pending = queue;
  queue = [];
  pending.forEach((call) => call(sonner));
}

type Message = Parameters<Sonner>[0];

export const toast = Object.assign(
  (message: Message, data?: ExternalToast) => run((t) => t(message, data)),
  {
    success: (message: Message, data?: ExternalToast) => run((t) => t.success(message, data)),
    error: (message: Message, data?: ExternalToast) => run((t) => t.error(message, data)),
    warning: (message: Message, data?: ExternalToast) => run((t) => t.warning(message, data)),
    info: (message: Message, data?: ExternalToast) => run((t) => t.info(message, data)),
    /** Closes a toast shown with this id; before sonner has loaded there is none to close. */
    dismiss: (id: string) => {
      real?.dismiss(id);
    },
  },
);
