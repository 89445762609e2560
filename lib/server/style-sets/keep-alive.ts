import "server-only";
import { AppError, toAppError } from "@/lib/server/http/problem";
import { refreshReferenceBlob, uploadReferenceImage } from "@/lib/server/orchestrator/blobs";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { readOriginal } from "@/lib/server/references/originals";
import { LOST_DETAIL, type ReferenceHealth } from "@/lib/contract/style-sets/health";
import type { StyleSet, StyleSetReference } from "@/lib/contract/style-sets/schema";
import { styleSetNotFound, type BlobFix, type StyleSetStore } from "./store";

// Keeping a style set's references alive. An orchestrator blob dies 30 days
// after upload or its last refresh; applying or opening a set refreshes every
// uploaded reference (which resets that clock) and, when a blob is already gone,
// uploads the studio's kept original again (lib/server/references/originals.ts) and fixes
// the set in place (StyleSetStore.repairBlobs: same version, see there). The
// designer sees a working set; a reference that cannot be restored is reported
// so the Style sets page can say what to do.

export interface KeptAlive {
  set: StyleSet;
  references: ReferenceHealth[];
}

/** 404/410: the blob does not exist (expired, deleted, or another account's). */
function isGone(error: unknown): boolean {
  return error instanceof AppError && (error.status === 404 || error.status === 410);
}

async function keepOne(
  target: OrchestratorTarget,
  ref: StyleSetReference,
  index: number,
  signal?: AbortSignal,
): Promise<{ health: ReferenceHealth; fix?: BlobFix }> {
  if (!ref.blobId) return { health: { index, state: "link" } };
  try {
    const blob = await refreshReferenceBlob(target, ref.blobId, signal);
    return {
      health: { index, state: "alive" },
      fix: { blobId: blob.id, imageUrl: blob.url, urlExpiresAt: blob.urlExpiresAt },
    };
  } catch (error) {
    if (!isGone(error))
      return { health: { index, state: "unknown", detail: toAppError(error).detail } };
  }
  const original = ref.thumbnailId ? await readOriginal(ref.thumbnailId) : null;
  if (!original) return { health: { index, state: "lost", detail: LOST_DETAIL } };
  try {
    const blob = await uploadReferenceImage(target, original, signal);
    return {
      health: { index, state: "restored" },
      fix: { blobId: blob.id, imageUrl: blob.url, urlExpiresAt: blob.urlExpiresAt },
    };
  } catch (error) {
    return { health: { index, state: "unknown", detail: toAppError(error).detail } };
  }
}

export async function keepStyleSetAlive(
  store: StyleSetStore,
  target: OrchestratorTarget,
  id: string,
  signal?: AbortSignal,
): Promise<KeptAlive> {
  const set = await store.get(id);
  if (!set) throw styleSetNotFound(id);
  // One blob used twice in a set is refreshed (or restored) once.
  const byBlob = new Map<string, Promise<{ health: ReferenceHealth; fix?: BlobFix }>>();
  const results = await Promise.all(
    set.references.map((ref, index) => {
      if (!ref.blobId) return keepOne(target, ref, index, signal);
      let pending = byBlob.get(ref.blobId);
      if (!pending) {
        pending = keepOne(target, ref, index, signal);
        byBlob.set(ref.blobId, pending);
      }
      return pending.then((r) => ({ ...r, health: { ...r.health, index } }));
    }),
  );
  const fixes = new Map<string, BlobFix>();
  set.references.forEach((ref, i) => {
    const fix = results[i]?.fix;
    if (ref.blobId && fix) fixes.set(ref.blobId, fix);
  });
  const kept = fixes.size > 0 ? await store.repairBlobs(id, fixes) : set;
  return { set: kept, references: results.map((r) => r.health) };
}
