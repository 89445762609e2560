// Lining up the images of generations made to be compared — medium beside
// large, or the members of a sweep — by their place in the batch: image n of
// one beside image n of the others. A side still running holds a pending slot;
// a side that ended with fewer images, or is not loaded, holds an empty one.
import { formatDuration, wallSeconds } from "./format";
import type { Generation, GenerationImage } from "@/lib/contract/generations/types";

export type SlotState = "image" | "pending" | "blocked" | "failed" | "missing";

export interface Slot {
  generation: Generation | null;
  image: GenerationImage | null;
  /** 0-based place in the batch */
  index: number;
  state: SlotState;
}

/** Images a member stands for: what arrived, or what was asked for while it runs. */
export function expectedImages(g: Generation): number {
  return Math.max(g.images.length, g.final && g.images.length ? 0 : (g.input?.quantity ?? 1));
}

function slotOf(g: Generation | null, index: number): Slot {
  if (!g) return { generation: null, image: null, index, state: "missing" };
  const image = g.images[index] ?? null;
  const at = (state: SlotState): Slot => ({ generation: g, image, index, state });
  if (image?.available) return at("image");
  if (image?.blockedReason) return at("blocked");
  if (index >= expectedImages(g)) return at("missing");
  return at(g.final ? "failed" : "pending");
}

/** Rows of slots, one row per batch index, one slot per member in the members' order. */
export function alignByIndex(members: readonly (Generation | null)[]): Slot[][] {
  const rows = Math.max(0, ...members.map((m) => (m ? expectedImages(m) : 0)));
  return Array.from({ length: rows }, (_, i) => members.map((m) => slotOf(m, i)));
}

export interface SideFacts {
  /** Buzz charged when known, else the quote */
  buzz: number;
  charged: boolean;
  /** wall time created → completed, null until it finished */
  seconds: number | null;
}

export function sideFacts(g: Generation): SideFacts {
  const charged = g.final && g.chargedBuzz !== null;
  return {
    buzz: charged ? (g.chargedBuzz ?? 0) : g.quotedBuzz,
    charged,
    seconds: wallSeconds(g),
  };
}

const MINUS = "−";

function signed(value: number, text: string): string {
  if (value === 0) return `±${text}`;
  return `${value > 0 ? "+" : MINUS}${text}`;
}

/** "+39 Buzz" */
export function signedBuzz(delta: number): string {
  return signed(
    delta,
    `${Math.abs(delta).toLocaleString("en-US", { maximumFractionDigits: 1 })} Buzz`,
  );
}

/** "+11 s", "−4.2 s" */
export function signedSeconds(delta: number): string {
  return signed(Math.abs(delta) < 0.05 ? 0 : delta, formatDuration(Math.abs(delta)));
}

export interface Difference {
  buzz: number;
  /** null until both sides finished */
  seconds: number | null;
  /** "+39 Buzz, +11 s"; "+39 Buzz (quoted)" while a side runs */
  text: string;
}

/** What `other` costs and takes beyond `base` (large beyond medium). */
export function difference(base: Generation, other: Generation): Difference {
  const a = sideFacts(base);
  const b = sideFacts(other);
  const buzz = b.buzz - a.buzz;
  const seconds = a.seconds !== null && b.seconds !== null ? b.seconds - a.seconds : null;
  const quoted = a.charged && b.charged ? "" : " (quoted)";
  const text =
    seconds === null
      ? `${signedBuzz(buzz)}${quoted}`
      : `${signedBuzz(buzz)}${quoted}, ${signedSeconds(seconds)}`;
  return { buzz, seconds, text };
}
