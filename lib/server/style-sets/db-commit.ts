import "server-only";
import type { Db } from "@/lib/server/db/migrations";
import type { StyleSet, StyleSetCreate } from "@/lib/contract/style-sets/schema";
import { diffVersions, EMPTY_CONTENT, type VersionContent } from "@/lib/contract/style-sets/diff";
import { UNKNOWN_AUTHOR } from "@/lib/contract/style-sets/history";
import { appendStatusEvent, appendVersion, readVersion, readVersions } from "./db-history";
import { contentOf, readLive } from "./db-rows";
import { StyleSetConflictError, type BlobFix } from "./store";

// The writes that make a version: a new set's first, and each next one. They
// run inside the caller's write transaction (`db` is that transaction).

export async function insertSet(
  db: Db,
  id: string,
  input: StyleSetCreate,
  at: number,
): Promise<StyleSet> {
  const author = input.author ?? UNKNOWN_AUTHOR;
  await db
    .insertInto("style_sets")
    .values({
      id,
      name: input.name,
      note: input.note,
      refs: JSON.stringify(input.references),
      proof: null,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
      updated_by: author,
      approved_version: null,
      status_by: null,
      status_at: null,
    })
    .execute();
  const content = contentOf(input);
  const diff = diffVersions(EMPTY_CONTENT, content);
  await appendVersion(db, { setId: id, version: 1, content, diff, author, at });
  return readLive(db, id);
}

/** A 409 that also says what changed since `expectedVersion` ("see their change"). */
export async function conflictError(
  db: Db,
  current: StyleSet,
  expectedVersion: number,
): Promise<StyleSetConflictError> {
  const base = await readVersion(db, current.id, expectedVersion);
  const later = (await readVersions(db, current.id)).filter((v) => v.version > expectedVersion);
  const theirChange = base
    ? {
        from: expectedVersion,
        to: current.version,
        authors: [...new Set(later.map((v) => v.author))],
        diff: diffVersions(contentOf(base), contentOf(current)),
      }
    : null;
  return new StyleSetConflictError(current, expectedVersion, theirChange);
}

/**
 * Appends the next version with `next` as its content and makes it the set's,
 * after the caller's version check. An approved set becomes a draft: what was
 * approved is the old version.
 */
export async function commitVersion(
  db: Db,
  current: StyleSet,
  next: VersionContent,
  change: { author: string; restoredFrom: number | null; when: number },
): Promise<StyleSet> {
  const previous = await readVersion(db, current.id, current.version);
  const version = current.version + 1;
  // Never earlier than the last update, so "newest first" stays true if the clock steps back.
  const at = Math.max(change.when, Date.parse(current.updatedAt));
  const diff = diffVersions(contentOf(previous ?? current), next);
  await appendVersion(db, {
    setId: current.id,
    version,
    content: next,
    diff,
    author: change.author,
    at,
    restoredFrom: change.restoredFrom,
  });
  // Compare-and-set: `WHERE version = ?`, then the row count tells whether we won.
  const result = await db
    .updateTable("style_sets")
    .set((eb) => ({
      name: next.name,
      note: next.note,
      refs: JSON.stringify(next.references),
      proof: next.proof ? JSON.stringify(next.proof) : null,
      version,
      updated_at: at,
      updated_by: change.author,
      status: eb
        .case()
        .when("status", "=", "approved")
        .then("draft" as const)
        .else(eb.ref("status"))
        .end(),
      // The draft is the editor's doing: the set says so, as its history does.
      status_by: eb
        .case()
        .when("status", "=", "approved")
        .then(change.author)
        .else(eb.ref("status_by"))
        .end(),
      status_at: eb.case().when("status", "=", "approved").then(at).else(eb.ref("status_at")).end(),
    }))
    .where("id", "=", current.id)
    .where("version", "=", current.version)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  // Another connection may have won between our read and write.
  if (Number(result.numUpdatedRows) !== 1) {
    throw await conflictError(db, await readLive(db, current.id), current.version);
  }
  if (current.status === "approved") {
    await appendStatusEvent(db, current.id, {
      status: "draft",
      version,
      author: change.author,
      at,
    });
  }
  return readLive(db, current.id);
}

/** The set's references with the keep-alive fixes applied, or null when none changes anything. */
export function repairedReferences(
  current: StyleSet,
  fixes: ReadonlyMap<string, BlobFix>,
): StyleSet["references"] | null {
  let changed = false;
  const references = current.references.map((ref) => {
    const fix = ref.blobId ? fixes.get(ref.blobId) : undefined;
    if (!fix) return ref;
    changed ||=
      fix.blobId !== ref.blobId ||
      fix.imageUrl !== ref.imageUrl ||
      fix.urlExpiresAt !== (ref.urlExpiresAt ?? null);
    return { ...ref, ...fix };
  });
  return changed ? references : null;
}
