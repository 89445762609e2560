// Submits clicked but not yet answered, each kept with its idempotency key until
// the studio answers, so Retry and a reload resend the same request (exactly once:
// README "How it works").
import {
  parseSubmitContext,
  submitContextQuery,
  type SubmitContext,
} from "@/lib/contract/generations/links";
import { checkKreaInput } from "@/lib/contract/krea/check";
import { STYLE_SET_ID_PATTERN } from "@/lib/contract/style-sets/limits";
import type { KreaInput } from "@/lib/contract/krea/schema";
import {
  isRecord,
  readJsonItem,
  writeJsonItem,
  type KeyValueStore,
} from "@/lib/client/platform/session-store";
import type { SubmitAccount } from "@/lib/contract/api";
import { readSubmitAccount, UNKNOWN_ACCOUNT } from "@/lib/client/platform/submit-account";

export const PENDING_SUBMITS_KEY = "krea-studio:pending-submits";
/** Past this a pending submit is dropped rather than resent: nobody expects it any more. */
export const PENDING_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The style set a submit records (?styleSet=&styleSetVersion=), fixed with the request. */
export interface SubmitStyleSet {
  id: string;
  version: number;
}

export interface PendingSubmit {
  /** the Idempotency-Key, one per Generate click */
  key: string;
  input: KreaInput & { seed: number };
  styleSet?: SubmitStyleSet;
  /** ?wait= for the submit request */
  wait: number;
  /** ms since the epoch */
  startedAt: number;
  /** the studio context (parent, pair, sweep …) as the submit's query string */
  query: string;
  /** the click this submit belongs to, when it made several */
  group?: string;
  /** whom it was clicked for: it is sent only while that is the current account */
  account: SubmitAccount;
}

/**
 * Submits return at once (?wait=0): the card shows the moment the workflow
 * exists, and the gallery's long-poll, which the new workflow joins, brings the
 * images. (Waiting inside the submit only delayed the card: Krea takes longer
 * than any wait worth holding a click for.)
 */
export const SUBMIT_WAIT_SECONDS = 0;

export interface PendingOptions {
  /** the account in use at the click */
  account: SubmitAccount;
  context?: SubmitContext;
  group?: string;
  /** ?wait= of the submit; SUBMIT_WAIT_SECONDS unless given */
  wait?: number;
  /** the style set to record on the generation */
  styleSet?: SubmitStyleSet | null;
}

export function newPendingSubmit(
  input: KreaInput & { seed: number },
  now = Date.now(),
  options: PendingOptions,
): PendingSubmit {
  const entry: PendingSubmit = {
    key: globalThis.crypto.randomUUID(),
    input,
    wait: options.wait ?? SUBMIT_WAIT_SECONDS,
    startedAt: now,
    query: submitContextQuery(options.context).toString(),
    account: options.account,
  };
  if (options.group) entry.group = options.group;
  const set = options.styleSet;
  if (set) entry.styleSet = { id: set.id, version: set.version };
  return entry;
}

/** POST /api/workflows with the submit's wait, its studio context and, when it has one, its style set. */
export function submitPath(entry: PendingSubmit): string {
  const params = new URLSearchParams(entry.query);
  params.set("wait", String(entry.wait));
  if (entry.styleSet) {
    params.set("styleSet", entry.styleSet.id);
    params.set("styleSetVersion", String(entry.styleSet.version));
  }
  return `/api/workflows?${params}`;
}

function readStyleSet(value: unknown): SubmitStyleSet | undefined {
  if (!isRecord(value)) return undefined;
  const { id, version } = value;
  if (typeof id !== "string" || !STYLE_SET_ID_PATTERN.test(id)) return undefined;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) return undefined;
  return { id, version };
}

function readEntry(value: unknown, now: number): PendingSubmit | null {
  if (!isRecord(value)) return null;
  const { key, input, wait, startedAt, query = "", group, styleSet, account } = value;
  if (typeof key !== "string" || !/^[A-Za-z0-9_-]{1,128}$/.test(key)) return null;
  if (typeof wait !== "number" || typeof startedAt !== "number") return null;
  if (now - startedAt > PENDING_MAX_AGE_MS) return null;
  const parsed = checkKreaInput(input);
  if (!parsed.ok || typeof parsed.value.seed !== "number") return null;
  // A context the studio would refuse is not resent: it could only fail again.
  if (typeof query !== "string" || query.length > 2048) return null;
  const context = parseSubmitContext(new URLSearchParams(query));
  if (Object.keys(context.errors).length > 0) return null;
  const entry: PendingSubmit = {
    key,
    input: { ...parsed.value, seed: parsed.value.seed },
    wait,
    startedAt,
    query,
    // One kept from before submits named their account waits; it is never sent.
    account: readSubmitAccount(account) ?? UNKNOWN_ACCOUNT,
  };
  if (typeof group === "string" && group.length <= 64) entry.group = group;
  // A resend after reload must name the same set the first send did.
  const set = readStyleSet(styleSet);
  if (set) entry.styleSet = set;
  return entry;
}

export function readPendingSubmits(store: KeyValueStore | null, now = Date.now()): PendingSubmit[] {
  const raw = readJsonItem(store, PENDING_SUBMITS_KEY);
  if (!Array.isArray(raw)) return [];
  return raw.map((v) => readEntry(v, now)).filter((e): e is PendingSubmit => e !== null);
}

export function savePendingSubmit(store: KeyValueStore | null, entry: PendingSubmit): void {
  savePendingSubmits(store, [entry]);
}

/** Stores several at once: every member of a click is kept before the first is sent. */
export function savePendingSubmits(store: KeyValueStore | null, entries: PendingSubmit[]): void {
  const keys = new Set(entries.map((e) => e.key));
  const others = readPendingSubmits(store).filter((e) => !keys.has(e.key));
  writeJsonItem(store, PENDING_SUBMITS_KEY, [...others, ...entries]);
}

export function removePendingSubmit(store: KeyValueStore | null, key: string): void {
  const rest = readPendingSubmits(store).filter((e) => e.key !== key);
  writeJsonItem(store, PENDING_SUBMITS_KEY, rest.length ? rest : undefined);
}
