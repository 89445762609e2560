import "server-only";
import type { SqliteDatabase as Db } from "@/lib/server/db/sqlite";
import { diffVersions, EMPTY_CONTENT, type VersionContent } from "@/lib/contract/style-sets/diff";
import { UNKNOWN_AUTHOR, type StyleSetStatusEvent } from "@/lib/contract/style-sets/history";
import type {
  ExportedStyleSet,
  ImportedStyleSet,
  StyleSet,
} from "@/lib/contract/style-sets/schema";
import { appendStatusEvent, appendVersion, readStatusEvents, readVersions } from "./sqlite-history";

// Export and import with history (format version 2). An imported set gets a
// new id and its versions 1..n with their authors, times and proof settings;
// its status and status changes come along (proof renders do not: their
// workflows live on the exporting studio's orchestrator account). Importing onto a set this studio already has can
// instead append the file's versions it lacks to that set's history.

const contentOf = (v: VersionContent): VersionContent => ({
  name: v.name,
  note: v.note,
  references: v.references,
  proof: v.proof ?? null,
});

export interface ImportedVersion extends VersionContent {
  author: string;
  at: number;
  restoredFrom: number | null;
}

/** The file's history of a set, oldest first; a version-1 file's set is its own single version. */
export function importedHistory(set: ImportedStyleSet, now: number): ImportedVersion[] {
  if (set.history?.length) {
    return [...set.history]
      .sort((a, b) => a.version - b.version)
      .map((v) => ({
        ...contentOf(v),
        author: v.author,
        at: Date.parse(v.createdAt),
        restoredFrom: v.restoredFrom ?? null,
      }));
  }
  return [{ ...contentOf(set), author: UNKNOWN_AUTHOR, at: now, restoredFrom: null }];
}

/** Inserts a new set (id and name chosen by the caller) with the whole imported history. */
export function insertImported(
  db: Db,
  id: string,
  name: string,
  set: ImportedStyleSet,
  history: ImportedVersion[],
): void {
  const last = history[history.length - 1];
  if (!last) return;
  const first = history[0] ?? last;
  const version = history.length;
  // restoredFrom numbers refer to the file's versions; renumbered 1..n they may not: kept only when in range.
  let before = EMPTY_CONTENT;
  history.forEach((v, i) => {
    const content = i === history.length - 1 ? { ...contentOf(v), name } : contentOf(v);
    appendVersion(db, {
      setId: id,
      version: i + 1,
      content,
      diff: diffVersions(before, content),
      author: v.author,
      at: v.at,
      restoredFrom: v.restoredFrom !== null && v.restoredFrom <= i ? v.restoredFrom : null,
    });
    before = content;
  });
  const events = (set.statusEvents ?? []).filter((e) => e.version <= version);
  const lastEvent = events[events.length - 1];
  const status = set.status ?? "draft";
  // An approved set stays approved only if the approval is of its last version.
  const approvedVersion =
    set.approvedVersion && set.approvedVersion <= version ? set.approvedVersion : null;
  const effective = status === "approved" && approvedVersion !== version ? "draft" : status;
  db.prepare(
    `INSERT INTO style_sets (id, name, note, refs, proof, version, created_at, updated_at, deleted_at, updated_by, status, approved_version, status_by, status_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    name,
    last.note,
    JSON.stringify(last.references),
    last.proof ? JSON.stringify(last.proof) : null,
    version,
    first.at,
    last.at,
    last.author,
    effective,
    approvedVersion,
    lastEvent?.author ?? null,
    lastEvent ? Date.parse(lastEvent.at) : null,
  );
  for (const e of events) {
    appendStatusEvent(db, id, { ...e, at: Date.parse(e.at) });
  }
}

/** The file's versions the local set does not already have (same author, time and content). */
export function missingVersions(db: Db, id: string, history: ImportedVersion[]): ImportedVersion[] {
  const have = new Set(
    readVersions(db, id).map((v) =>
      JSON.stringify([v.author, Date.parse(v.createdAt), contentOf(v)]),
    ),
  );
  return history.filter((v) => !have.has(JSON.stringify([v.author, v.at, contentOf(v)])));
}

/** A set as it goes into an export file: content, status, whole history and status changes. */
export function exportedSet(db: Db, set: StyleSet): ExportedStyleSet {
  const { deletedAt: _deleted, ...rest } = set;
  const history = readVersions(db, set.id)
    .reverse()
    .map(({ setId: _setId, diff: _diff, ...v }) => v);
  const statusEvents: StyleSetStatusEvent[] = readStatusEvents(db, set.id);
  return { ...rest, history, statusEvents };
}
