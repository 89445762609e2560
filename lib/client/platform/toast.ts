"use client";
// Toasts without sonner in the first load: the first toast loads sonner and
// mounts its Toaster (components/lazy-toaster.tsx), then shows; later ones show
// at once. Same call shapes as sonner's `toast` for the parts the studio uses.
import type { ExternalToast, toast as sonnerToast } from "sonner";

type Sonner = typeof sonnerToast;
type Call = (real: Sonner) => void;

let real: Sonner | null = null;
let queue: Call[] = [];
let wanted = false;
const listeners = new Set<() => void>();

function run(call: Call): void {
  if (real) {
    call(real);
    return;
  }
  queue.push(call);
  if (!wanted) {
    wanted = true;
    listeners.forEach((notify) => notify());
  }
}

/** The lazy Toaster asks whether it is needed yet, and is told when it becomes so. */
export function toasterWanted(): boolean {
  return wanted;
}

export function onToasterWanted(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
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
  },
);
