import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/server/db/migrations";
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
// triggers refuse anything else (lib/server/db/append-only.ts). Every function
// takes the store's connection or the transaction it runs in.

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

export async function appendVersion(db: Db, v: NewVersion): Promise<void> {
  await db
    .insertInto("style_set_versions")
    .values({
      set_id: v.setId,
      version: v.version,
      name: v.content.name,
      note: v.content.note,
      refs: JSON.stringify(v.content.references),
      diff: v.diff === null ? null : JSON.stringify(v.diff),
      author: v.author,
      created_at: v.at,
      restored_from: v.restoredFrom ?? null,
      proof: v.content.proof ? JSON.stringify(v.content.proof) : null,
    })
    .execute();
}

/** Newest first. */
export async function readVersions(db: Db, setId: string): Promise<StyleSetVersion[]> {
  const rows = await db
    .selectFrom("style_set_versions")
    .selectAll()
    .where("set_id", "=", setId)
    .orderBy("version", "desc")
    .execute();
  return rows.map(toVersion);
}

export async function readVersion(
  db: Db,
  setId: string,
  version: number,
): Promise<StyleSetVersion | null> {
  const row = await db
    .selectFrom("style_set_versions")
    .selectAll()
    .where("set_id", "=", setId)
    .where("version", "=", version)
    .executeTakeFirst();
  return row === undefined ? null : toVersion(row);
}

const eventRow = z.object({
  status: z.enum(STYLE_SET_STATUSES),
  version: z.number(),
  author: z.string(),
  at: z.number(),
});

export async function appendStatusEvent(
  db: Db,
  setId: string,
  e: { status: StyleSetStatus; version: number; author: string; at: number },
): Promise<void> {
  await db
    .insertInto("style_set_status_events")
    .values({ set_id: setId, status: e.status, version: e.version, author: e.author, at: e.at })
    .execute();
}

/** Oldest first. */
export async function readStatusEvents(db: Db, setId: string): Promise<StyleSetStatusEvent[]> {
  const rows = await db
    .selectFrom("style_set_status_events")
    .select(["status", "version", "author", "at"])
    .where("set_id", "=", setId)
    .orderBy("seq")
    .execute();
  return rows.map((raw) => {
    const row = eventRow.parse(raw);
    return { status: row.status, version: row.version, author: row.author, at: iso(row.at) };
  });
}

/** Drops the history of sets the bin has purged (the triggers allow it once the set is gone). */
export async function purgeOrphanHistory(db: Db): Promise<void> {
  await db
    .deleteFrom("style_set_versions")
    .where("set_id", "not in", (eb) => eb.selectFrom("style_sets").select("id"))
    .execute();
  await db
    .deleteFrom("style_set_status_events")
    .where("set_id", "not in", (eb) => eb.selectFrom("style_sets").select("id"))
    .execute();
}
