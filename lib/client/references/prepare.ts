// The references' part of a Generate click, run before the submit gets its key
// (see refresh.ts for why there): uploads whose signed URL is about to expire
// get a fresh one, written back to their rows; one that cannot be renewed marks
// its row and stops the submit, since the orchestrator would fail the job.
import type { KreaInput } from "@/lib/contract/krea/schema";
import { toStyleReference } from "./entry";
import { patchEntry, type ListAccess } from "./list";
import { entriesNeedingRefresh, refreshExpiring, type FetchRefresh } from "./refresh";

export function needsPreparing(list: ListAccess, now = Date.now()): boolean {
  return entriesNeedingRefresh(list.get(), now).length > 0;
}

export async function withFreshReferences(
  input: KreaInput & { seed: number },
  list: ListAccess,
  fetchRefresh: FetchRefresh,
  now = Date.now(),
): Promise<KreaInput & { seed: number }> {
  const outcome = await refreshExpiring(list.get(), fetchRefresh, now);
  // Onto the rows as they are now: the designer may have moved on while we waited.
  let rows = list.get();
  for (const entry of outcome.entries) {
    if (!outcome.refreshed.includes(entry.key)) continue;
    rows = patchEntry(rows, entry.key, {
      imageUrl: entry.imageUrl,
      urlExpiresAt: entry.urlExpiresAt,
      previewUrl: entry.previewUrl,
    });
  }
  for (const failure of outcome.failures) {
    rows = patchEntry(rows, failure.key, {
      status: "error",
      message: `Its link could not be renewed (${failure.error}). Remove it and add the file again.`,
    });
  }
  list.set(rows);
  if (outcome.failures.length > 0) {
    const names = outcome.failures.map((f) => `“${f.label}”`).join(", ");
    throw new Error(`The upload link of ${names} could not be renewed.`);
  }
  return { ...input, imageStyleReferences: outcome.entries.map(toStyleReference) };
}
