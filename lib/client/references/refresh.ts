// Fresh signed URLs for uploaded references just before a submit: the
// orchestrator fetches references when the job runs, which can be minutes later
// when it queues, and a URL that expires meanwhile fails the whole job. It runs
// before the submit's keys and requests are stored, so every resend is the same
// request (exactly once: README "How it works").
import { needsRefresh } from "@/lib/contract/references/expiry";
import type { ReferenceEntry } from "./entry";

/** One row of POST /api/references/refresh's answer. */
export type RefreshAnswer =
  | { blobId: string; ok: true; url: string; displayUrl: string; urlExpiresAt: string | null }
  | { blobId: string; ok: false; status?: number; error: string };

export type FetchRefresh = (blobIds: string[]) => Promise<RefreshAnswer[]>;

export interface RefreshFailure {
  key: string;
  label: string;
  error: string;
}

export interface RefreshOutcome {
  entries: ReferenceEntry[];
  /** keys of the rows that got a new URL */
  refreshed: string[];
  failures: RefreshFailure[];
}

export function entriesNeedingRefresh(
  entries: readonly ReferenceEntry[],
  now = Date.now(),
): ReferenceEntry[] {
  return entries.filter((e) => e.blobId && needsRefresh(e, now));
}

/** Refreshes what is about to expire; asks nothing when nothing is. */
export async function refreshExpiring(
  entries: readonly ReferenceEntry[],
  fetchRefresh: FetchRefresh,
  now = Date.now(),
): Promise<RefreshOutcome> {
  const due = entriesNeedingRefresh(entries, now);
  if (due.length === 0) return { entries: [...entries], refreshed: [], failures: [] };
  const blobIds = [...new Set(due.map((e) => e.blobId).filter((id): id is string => !!id))];
  const answers = new Map((await fetchRefresh(blobIds)).map((a) => [a.blobId, a]));
  const refreshed: string[] = [];
  const failures: RefreshFailure[] = [];
  const next = entries.map((entry) => {
    if (!due.includes(entry) || !entry.blobId) return entry;
    const answer = answers.get(entry.blobId);
    if (!answer || !answer.ok) {
      failures.push({
        key: entry.key,
        label: entry.label,
        error: answer && !answer.ok ? answer.error : "The studio did not answer for this image.",
      });
      return entry;
    }
    refreshed.push(entry.key);
    return {
      ...entry,
      imageUrl: answer.url,
      urlExpiresAt: answer.urlExpiresAt,
      previewUrl: answer.displayUrl.startsWith("/")
        ? answer.displayUrl
        : (entry.previewUrl ?? null),
    };
  });
  return { entries: next, refreshed, failures };
}
