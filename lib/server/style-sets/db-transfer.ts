import "server-only";
import type { Db } from "@/lib/server/db/migrations";
import { diffVersions, EMPTY_CONTENT, type VersionContent } from "@/lib/contract/style-sets/diff";
import { UNKNOWN_AUTHOR, type StyleSetStatusEvent } from "@/lib/contract/style-sets/history";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedStyleSet,
  type ImportedStyleSet,
  type StyleSet,
  type StyleSetExport,
} from "@/lib/contract/style-sets/schema";
import { AppError } from "@/lib/server/http/problem";
import { commitVersion } from "./db-commit";
import { contentOf as fullContentOf, liveNames, readLive, readSet, toStyleSet } from "./db-rows";
import type { ImportOptions } from "./store";
import { uniqueName } from "./transfer";
import { appendStatusEvent, appendVersion, readStatusEvents, readVersions } from "./db-history";

// Export and import with history (format version 2). An imported set gets a
// new id and its versions 1..n with their authors, times and proof settings;
// its status and status changes come along (proof renders do not: their
// workflows live on the exporting studio's orchestrator account). Importing
// onto a set this studio already has can instead append the file's versions it
// lacks to that set's history.

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
export async function insertImported(
  db: Db,
  id: string,
  name: string,
  set: ImportedStyleSet,
  history: ImportedVersion[],
): Promise<void> {
  const last = history[history.length - 1];
  if (!last) return;
  const first = history[0] ?? last;
  const version = history.length;
  // restoredFrom numbers refer to the file's versions; renumbered 1..n they may not: kept only when in range.
  let before = EMPTY_CONTENT;
  for (const [i, v] of history.entries()) {
    const content = i === history.length - 1 ? { ...contentOf(v), name } : contentOf(v);
    await appendVersion(db, {
      setId: id,
      version: i + 1,
      content,
      diff: diffVersions(before, content),
      author: v.author,
      at: v.at,
      restoredFrom: v.restoredFrom !== null && v.restoredFrom <= i ? v.restoredFrom : null,
    });
    before = content;
  }
  const events = (set.statusEvents ?? []).filter((e) => e.version <= version);
  const lastEvent = events[events.length - 1];
  const status = set.status ?? "draft";
  // An approved set stays approved only if the approval is of its last version.
  const approvedVersion =
    set.approvedVersion && set.approvedVersion <= version ? set.approvedVersion : null;
  const effective = status === "approved" && approvedVersion !== version ? "draft" : status;
  await db
    .insertInto("style_sets")
    .values({
      id,
      name,
      note: last.note,
      refs: JSON.stringify(last.references),
      proof: last.proof ? JSON.stringify(last.proof) : null,
      version,
      created_at: first.at,
      updated_at: last.at,
      deleted_at: null,
      updated_by: last.author,
      status: effective,
      approved_version: approvedVersion,
      status_by: lastEvent?.author ?? null,
      status_at: lastEvent ? Date.parse(lastEvent.at) : null,
    })
    .execute();
  for (const e of events) {
    await appendStatusEvent(db, id, { ...e, at: Date.parse(e.at) });
  }
}

/** The file's versions the local set does not already have (same author, time and content). */
export async function missingVersions(
  db: Db,
  id: string,
  history: ImportedVersion[],
): Promise<ImportedVersion[]> {
  const have = new Set(
    (await readVersions(db, id)).map((v) =>
      JSON.stringify([v.author, Date.parse(v.createdAt), contentOf(v)]),
    ),
  );
  return history.filter((v) => !have.has(JSON.stringify([v.author, v.at, contentOf(v)])));
}

/** A set as it goes into an export file: content, status, whole history and status changes. */
export async function exportedSet(db: Db, set: StyleSet): Promise<ExportedStyleSet> {
  const { deletedAt: _deleted, ...rest } = set;
  const history = (await readVersions(db, set.id))
    .reverse()
    .map(({ setId: _setId, diff: _diff, ...v }) => v);
  const statusEvents: StyleSetStatusEvent[] = await readStatusEvents(db, set.id);
  return { ...rest, history, statusEvents };
}

/** Imports parsed sets inside the caller's write transaction (db-store.ts importSets). */
export async function importInto(
  trx: Db,
  sets: ImportedStyleSet[],
  options: ImportOptions,
  context: { lock: boolean; now: number; newId: () => string },
): Promise<StyleSet[]> {
  const taken = await liveNames(trx);
  const imported: StyleSet[] = [];
  for (const set of sets) {
    const history = importedHistory(set, context.now);
    const existing = set.id ? await readSet(trx, set.id, { lock: context.lock }) : null;
    if (existing && options.existing === "append") {
      let current = existing;
      for (const v of await missingVersions(trx, existing.id, history)) {
        const change = { author: v.author, restoredFrom: null, when: v.at };
        current = await commitVersion(trx, current, fullContentOf(v), change);
      }
      imported.push(current);
      continue;
    }
    const name = uniqueName(set.name, "imported", taken);
    taken.add(name.toLowerCase());
    // A set keeps its id on a studio that lacks it, so bringing it back finds it.
    const keepId = set.id && !(await readSet(trx, set.id, { includeDeleted: true }));
    const id = keepId && set.id ? set.id : context.newId();
    await insertImported(trx, id, name, set, history);
    imported.push(await readLive(trx, id));
  }
  return imported;
}

/** The export file of the given live sets (all when ids is absent); unknown ids are a 404. */
export async function exportFrom(
  db: Db,
  ids: string[] | undefined,
  now: number,
): Promise<StyleSetExport> {
  let sets: StyleSet[];
  if (ids === undefined) {
    const rows = await db
      .selectFrom("style_sets")
      .selectAll()
      .where("deleted_at", "is", null)
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .execute();
    sets = rows.map(toStyleSet);
  } else {
    const found = [];
    for (const id of new Set(ids)) found.push({ id, set: await readSet(db, id) });
    const missing = found.filter((f) => !f.set).map((f) => f.id);
    if (missing.length) {
      throw new AppError("not_found", {
        detail: `No style set with id ${missing.join(", ")}: nothing was exported.`,
        fieldErrors: { ids: missing.map((id) => `unknown style set ${id}`) },
      });
    }
    sets = found.flatMap((f) => (f.set ? [f.set] : []));
  }
  const exported = [];
  for (const set of sets) exported.push(await exportedSet(db, set));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    sets: exported,
    images: {},
  };
}
