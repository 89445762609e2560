// A style reference as the builder holds it: the two fields Krea takes
// ({ imageUrl, strength }) plus what only the page needs (its row's label and
// thumbnail, where an upload or a check has got to, the blob to refresh before
// submit). The extra fields never leave the browser except as a style set's own
// fields: `toStyleReference` strips them before validation and submit, because
// the Krea schema is strict and the orchestrator would refuse them.
import { KREA_DEFAULTS, STYLE_REFERENCES_MAX } from "@/lib/contract/krea/options";
import type { StyleReference } from "@/lib/contract/krea/schema";
import type { StyleSetReference } from "@/lib/contract/style-sets/schema";
import { LABEL_MAX, labelFromUrl } from "@/lib/contract/references/label";
import { clampStrength, roundStrength } from "@/lib/contract/references/strength";

export type ReferenceStatus = "uploading" | "checking" | "ready" | "warning" | "error";

export interface ReferenceEntry {
  /** stable identity of the row: React key, dnd-kit id, where async results land */
  key: string;
  /** "" until an upload has finished */
  imageUrl: string;
  strength: number;
  /** file name of an upload, host of a link */
  label: string;
  status: ReferenceStatus;
  /** studio-served thumbnail (GET /api/thumbnails/:id) */
  thumbnailId?: string | null;
  /** a same-origin path or blob: URL the row may show; never a pasted link's host */
  previewUrl?: string | null;
  /** orchestrator blob of an upload: its signed URL is refreshed before submit */
  blobId?: string | null;
  urlExpiresAt?: string | null;
  /** the warning (status "warning") or the error (status "error") to show on the row */
  message?: string | null;
  /** 0..1 while uploading */
  progress?: number | null;
  /** the strength field holds text that is no number: Generate waits until it is fixed */
  strengthError?: string | null;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const THUMBNAIL_PATTERN = /^[a-f0-9]{64}$/;

/**
 * A random row key. getRandomValues works on plain-http LAN addresses too,
 * where crypto.randomUUID does not exist.
 */
export function newKey(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return `r${Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("")}`;
}

/** What Krea receives for a row. */
export function toStyleReference(entry: Pick<ReferenceEntry, "imageUrl" | "strength">) {
  return { imageUrl: entry.imageUrl, strength: entry.strength } satisfies StyleReference;
}

/** A row for a reference that is already usable: a loaded generation's, or a set's. */
export function readyEntry(
  ref: { imageUrl: string; strength?: number | null } & Partial<StyleSetReference>,
): ReferenceEntry {
  return {
    key: newKey(),
    imageUrl: ref.imageUrl,
    strength: clampStrength(ref.strength ?? KREA_DEFAULTS.strength),
    label: ref.label?.trim() || labelFromUrl(ref.imageUrl),
    status: "ready",
    thumbnailId: ref.thumbnailId ?? null,
    blobId: ref.blobId ?? null,
    urlExpiresAt: ref.urlExpiresAt ?? null,
  };
}

export function entriesFromReferences(
  refs: readonly ({ imageUrl: string; strength?: number | null } & Partial<StyleSetReference>)[],
): ReferenceEntry[] {
  return refs.slice(0, STYLE_REFERENCES_MAX).map(readyEntry);
}

/** A row as a style set stores it: Krea's fields plus what a later apply needs to show and refresh it. */
export function toSetReference(entry: ReferenceEntry): StyleSetReference {
  return {
    imageUrl: entry.imageUrl,
    strength: entry.strength,
    label: entry.label.slice(0, LABEL_MAX) || null,
    thumbnailId: entry.thumbnailId ?? null,
    blobId: entry.blobId ?? null,
    urlExpiresAt: entry.urlExpiresAt ?? null,
  };
}

/** Rows that stop Generate (and Save as set): not usable yet, or broken. */
export function isUnsettled(entry: ReferenceEntry): boolean {
  return entry.status === "uploading" || entry.status === "checking" || entry.status === "error";
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why Generate is off because of the references, or null when they are all usable. */
export function referencesBlockReason(entries: readonly ReferenceEntry[]): string | null {
  const uploading = entries.filter((e) => e.status === "uploading").length;
  const checking = entries.filter((e) => e.status === "checking").length;
  const broken = entries.findIndex((e) => e.status === "error");
  const mistyped = entries.findIndex((e) => e.strengthError);
  if (mistyped >= 0) {
    return `Reference ${mistyped + 1}: its strength is not a number. ${entries[mistyped]?.strengthError} Esc puts back ${entries[mistyped]?.strength}.`;
  }
  if (uploading) return `Waiting for ${plural(uploading, "upload", "uploads")} to finish…`;
  if (checking) return `Checking ${plural(checking, "link", "links")}…`;
  if (broken >= 0) {
    return `Reference ${broken + 1} (${entries[broken]?.label}) has a problem: retry or remove it first.`;
  }
  return null;
}

/**
 * What Generate should say about references it will send although their link
 * check failed (status "warning"): FAL fetches them when the job runs, and an
 * image it cannot fetch fails the job (and Buzz may already be spent on it).
 */
export function referencesRisk(entries: readonly ReferenceEntry[]): string | null {
  const risky = entries.flatMap((e, i) => (e.status === "warning" ? [i + 1] : []));
  if (risky.length === 0) return null;
  const which =
    risky.length === 1
      ? `Reference ${risky[0]} could not be checked`
      : risky.length <= 3
        ? `References ${risky.slice(0, -1).join(", ")} and ${risky.at(-1)} could not be checked`
        : `${risky.length} references could not be checked`;
  return `${which}: the job may fail if Krea cannot fetch ${risky.length === 1 ? "it" : "them"}.`;
}

// ---------------------------------------------------------------------------
// Reading rows back from the tab's draft. Each row is read on its own, so one odd
// row never loses the others; an upload cut off by a reload cannot resume (its
// file is gone), so it comes back as an error that says so.

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown, max = 4096): string | null =>
  typeof v === "string" && v.length <= max ? v : null;
const isHttp = (v: string) => /^https?:\/\//i.test(v) && URL.canParse(v);

export const INTERRUPTED_UPLOAD =
  "The upload was cut off by a reload and its file is gone: remove this row and add the file again.";

export function readEntry(value: unknown, seen: Set<string>): ReferenceEntry | null {
  if (!isRecord(value)) return null;
  const imageUrl = text(value.imageUrl) ?? "";
  const status: ReferenceStatus =
    value.status === "uploading" ||
    value.status === "checking" ||
    value.status === "warning" ||
    value.status === "error"
      ? value.status
      : "ready";
  if (imageUrl && !isHttp(imageUrl)) return null;
  if (!imageUrl && status !== "uploading" && status !== "error") return null;
  const strength =
    typeof value.strength === "number" && Number.isFinite(value.strength)
      ? clampStrength(roundStrength(value.strength))
      : KREA_DEFAULTS.strength;
  let key = text(value.key, 64);
  if (!key || !KEY_PATTERN.test(key) || seen.has(key)) key = newKey();
  seen.add(key);
  const thumbnailId = text(value.thumbnailId);
  const previewUrl = text(value.previewUrl);
  const entry: ReferenceEntry = {
    key,
    imageUrl,
    strength,
    label: text(value.label, 200)?.trim() || (imageUrl ? labelFromUrl(imageUrl) : "Image"),
    status,
    thumbnailId: thumbnailId && THUMBNAIL_PATTERN.test(thumbnailId) ? thumbnailId : null,
    // blob: previews die with the page; same-origin paths survive it.
    previewUrl: previewUrl?.startsWith("/") && !previewUrl.startsWith("//") ? previewUrl : null,
    blobId: text(value.blobId, 128),
    urlExpiresAt: text(value.urlExpiresAt, 64),
    message: text(value.message, 2000),
  };
  if (status === "uploading" || (status === "error" && !imageUrl)) {
    return { ...entry, status: "error", message: INTERRUPTED_UPLOAD, progress: null };
  }
  return entry;
}

/** The rows a draft held, at most ten, each sanitized; undefined when there is no list. */
export function readEntries(value: unknown): ReferenceEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const seen = new Set<string>();
  const out: ReferenceEntry[] = [];
  for (const item of value) {
    const entry = readEntry(item, seen);
    if (entry) out.push(entry);
    if (out.length === STYLE_REFERENCES_MAX) break;
  }
  return out;
}
