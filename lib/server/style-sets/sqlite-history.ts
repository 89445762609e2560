import "server-only";
import { z } from "zod";
import type { SqliteDatabase as Db } from "@/lib/server/db/sqlite";
import type { StyleSetDiff, VersionContent } from "@/lib/contract/style-sets/diff";
import {
  STYLE_SET_STATUSES,
  type StyleSetStatus,
  type StyleSetStatusEvent,
  type StyleSetVersion,
} from "@/lib/contract/style-sets/history";
import { styleSetReferenceSchema } from "@/lib/contract/style-sets/schema";
import { proofSettingsSchema, type ProofSettings } from "@/lib/contract/style-sets/proof";

// The rows behind a set's history (style_set_versions) and status changes
// (style_set_status_events). Only INSERT and SELECT live here: the schema's
// triggers refuse anything else (lib/server/db/studio-db.ts, migration 3).

const iso = (ms: number) => new Date(ms).toISOString();

const versionRow = z.object({
  set_id: z.string(),
  version: z.number(),
  name: z.string(),
  note: z.string(),
  refs: z.string(),
  diff: z.string().nullable(),
  author: z.string(),
  created_at: z.number(),
  restored_from: z.number().nullable(),
  proof: z.string().nullable().optional(),
});
const refsSchema = z.array(styleSetReferenceSchema);
const keyed = z.object({ key: z.string() });
// Checked for shape only as far as the page reads it; it was written by diffVersions.
const diffSchema = z.object({
  name: z.object({ from: z.string(), to: z.string() }).optional(),
  note: z.object({ from: z.string(), to: z.string() }).optional(),
  proof: z.object({ to: z.nullable(proofSettingsSchema) }).optional(),
  removed: z.array(keyed.extend({ index: z.number(), reference: styleSetReferenceSchema })),
  added: z.array(keyed.extend({ index: z.number(), reference: styleSetReferenceSchema })),
  moved: z.array(keyed.extend({ from: z.number(), to: z.number() })),
  strength: z.array(keyed.extend({ index: z.number(), from: z.number(), to: z.number() })),
  relinked: z.array(keyed.extend({ reference: styleSetReferenceSchema })),
  order: z.array(z.string()),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A proof column (JSON or NULL) as settings; unreadable JSON reads as none. */
export function parseProof(text: string | null | undefined): ProofSettings | null {
  if (!text) return null;
  const parsed = proofSettingsSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

function toVersion(raw: unknown): StyleSetVersion {
  const row = versionRow.parse(raw);
  const refs = refsSchema.safeParse(parseJson(row.refs));
  const diff = row.diff === null ? null : diffSchema.safeParse(parseJson(row.diff));
  return {
    setId: row.set_id,
    version: row.version,
    name: row.name,
    note: row.note,
    references: refs.success ? refs.data : [],
    proof: parseProof(row.proof),
    author: row.author,
    createdAt: iso(row.created_at),
    diff: diff?.success ? diff.data : null,
    restoredFrom: row.restored_from,
  };
}

export interface NewVersion {
  setId: string;
  version: number;
  content: VersionContent;
  diff: StyleSetDiff | null;
  author: string;
  at: number;
  restoredFrom?: number | null;
}

export function appendVersion(db: Db, v: NewVersion): void {
  db.prepare(
    `INSERT INTO style_set_versions (set_id, version, name, note, refs, diff, author, created_at, restored_from, proof)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.setId,
    v.version,
    v.content.name,
    v.content.note,
    JSON.stringify(v.content.references),
    v.diff === null ? null : JSON.stringify(v.diff),
    v.author,
    v.at,
    v.restoredFrom ?? null,
    v.content.proof ? JSON.stringify(v.content.proof) : null,
  );
}

/** Newest first. */
export function readVersions(db: Db, setId: string): StyleSetVersion[] {
  return db
    .prepare("SELECT * FROM style_set_versions WHERE set_id = ? ORDER BY version DESC")
    .all(setId)
    .map(toVersion);
}

export function readVersion(db: Db, setId: string, version: number): StyleSetVersion | null {
  const row = db
    .prepare("SELECT * FROM style_set_versions WHERE set_id = ? AND version = ?")
    .get(setId, version);
  return row === undefined ? null : toVersion(row);
}

const eventRow = z.object({
  status: z.enum(STYLE_SET_STATUSES),
  version: z.number(),
  author: z.string(),
  at: z.number(),
});

export function appendStatusEvent(
  db: Db,
  setId: string,
  e: { status: StyleSetStatus; version: number; author: string; at: number },
): void {
  db.prepare(
    "INSERT INTO style_set_status_events (set_id, status, version, author, at) VALUES (?, ?, ?, ?, ?)",
  ).run(setId, e.status, e.version, e.author, e.at);
}

/** Oldest first. */
export function readStatusEvents(db: Db, setId: string): StyleSetStatusEvent[] {
  return db
    .prepare(
      "SELECT status, version, author, at FROM style_set_status_events WHERE set_id = ? ORDER BY seq",
    )
    .all(setId)
    .map((raw) => {
      const row = eventRow.parse(raw);
      return { status: row.status, version: row.version, author: row.author, at: iso(row.at) };
    });
}

/** Drops the history of sets the bin has purged (the triggers allow it once the set is gone). */
export function purgeOrphanHistory(db: Db): void {
  db.prepare(
    "DELETE FROM style_set_versions WHERE set_id NOT IN (SELECT id FROM style_sets)",
  ).run();
  db.prepare(
    "DELETE FROM style_set_status_events WHERE set_id NOT IN (SELECT id FROM style_sets)",
  ).run();
}
