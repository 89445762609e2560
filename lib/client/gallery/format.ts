// How the gallery words a generation: status labels, durations, relative times
// and the settings summary. Kept apart from the components so the wording is
// tested and shared by the card and the lightbox.
import { chipsOf, type Chip, type KreaInput } from "@/lib/contract/krea/fields";
import { formatBuzz } from "@/lib/contract/krea/pricing";
import { formatStrength as unsignedStrength } from "@/lib/contract/references/strength";
import type { Generation } from "@/lib/contract/generations/types";

export type StatusTone = "neutral" | "success" | "danger" | "warning";

export interface StatusLabel {
  label: string;
  tone: StatusTone;
}

export function statusLabel(g: Generation): StatusLabel {
  if (g.blocked && g.final) return { label: "Blocked by moderation", tone: "danger" };
  switch (g.status) {
    case "succeeded":
      return { label: "Succeeded", tone: "success" };
    case "failed": {
      // Some images arrived: say how many did not, not that the whole batch failed.
      const arrived = g.images.filter((i) => i.available).length;
      if (arrived > 0 && arrived < g.images.length) {
        return {
          label: `${g.images.length - arrived} of ${g.images.length} failed`,
          tone: "warning",
        };
      }
      return { label: "Failed", tone: "danger" };
    }
    case "canceled":
      return { label: "Canceled", tone: "neutral" };
    case "expired":
      return { label: "Expired", tone: "warning" };
    case "processing":
      return { label: "Generating", tone: "neutral" };
    case "preparing":
    case "scheduled":
      return { label: g.startedAt ? "Generating" : "Starting", tone: "neutral" };
    default:
      return { label: "Queued", tone: "neutral" };
  }
}

/** "0.8 s", "12 s", "1 min 5 s". */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return "–";
  if (totalSeconds < 10) return `${totalSeconds.toFixed(1)} s`;
  const s = Math.round(totalSeconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return rest ? `${m} min ${rest} s` : `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "just now", "4 min ago", "3 h ago", "yesterday", "3 days ago", then a date. */
export function formatRelative(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return "";
  const s = Math.round((now - at) / 1000);
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d === 1) return "yesterday";
  if (d < 7) return `${d} days ago`;
  return new Date(at).toLocaleDateString("en", {
    month: "short",
    day: "numeric",
    year: new Date(at).getFullYear() === new Date(now).getFullYear() ? undefined : "numeric",
  });
}

/** Wall time of a generation that ran to the end (created → completed), null otherwise. */
export function wallSeconds(g: Generation): number | null {
  // A canceled or expired one did not run to the end; its duration means nothing.
  if (!g.completedAt || g.status === "canceled" || g.status === "expired") return null;
  const s = (Date.parse(g.completedAt) - Date.parse(g.createdAt)) / 1000;
  return Number.isFinite(s) && s >= 0 ? s : null;
}

/** The pixel size the orchestrator reported for the images, never the ratio table. */
export function outputSizeOf(g: Generation): string | null {
  const sized = g.images.find((i) => i.width && i.height);
  return sized ? `${sized.width}×${sized.height}` : null;
}

/** As the slider writes it ("+0.25", "−1.5", "0.0"), with the sign a card needs. */
export function formatStrength(strength: number): string {
  const text = unsignedStrength(strength);
  return strength > 0 ? `+${text}` : text;
}

export type SummaryItem = Chip;

/** The settings a designer decides on, in the order they pick them (the table's chips). */
export function settingsSummary(input: KreaInput, g: Generation): SummaryItem[] {
  return chipsOf(input, { pixels: outputSizeOf(g), strength: formatStrength });
}

export interface BuzzLine {
  text: string;
  title: string;
}

/** Charged Buzz, with the quote beside it when they differ or while it runs. */
export function buzzLine(g: Generation): BuzzLine {
  const quoted = formatBuzz(g.quotedBuzz);
  if (!g.final || g.chargedBuzz === null) {
    return { text: `${quoted} Buzz quoted`, title: `Quoted ${quoted} Buzz; charged when done` };
  }
  const charged = formatBuzz(g.chargedBuzz);
  if (g.chargedBuzz === g.quotedBuzz) {
    return { text: `${charged} Buzz`, title: `Charged ${charged} Buzz, as quoted` };
  }
  return {
    text: `${charged} of ${quoted} Buzz charged`,
    title: `Charged ${charged} Buzz of the ${quoted} quoted: images that were not delivered are refunded`,
  };
}

/** A prompt shortened for alt text, toasts and titles. */
export function shortPrompt(prompt: string, max = 80): string {
  const flat = prompt.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Alt text of a generation's image: its prompt and its place in the batch. */
export function imageAlt(prompt: string, n: number, total: number): string {
  return `${shortPrompt(prompt, 100)} — image ${n} of ${total}`;
}
