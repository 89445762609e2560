import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/server/db/migrations";
import { styleSetReferenceSchema, type StyleSet } from "@/lib/contract/style-sets/schema";
import type { VersionContent } from "@/lib/contract/style-sets/diff";
import { STYLE_SET_STATUSES } from "@/lib/contract/style-sets/history";
import { parseProof } from "./db-history";
import { styleSetNotFound } from "./store";

// A style_sets row and the reads of it the store's operations share.

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export function newStyleSetId(): string {
  let id = "ss_";
  for (let i = 0; i < 20; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

const rowSchema = z.object({
  id: z.string(),
  name: z.string(),
  note: z.string(),
  refs: z.string(),
  version: z.number(),
  created_at: z.number(),
  updated_at: z.number(),
  deleted_at: z.number().nullable(),
  updated_by: z.string(),
  status: z.enum(STYLE_SET_STATUSES),
  approved_version: z.number().nullable(),
  status_by: z.string().nullable(),
  status_at: z.number().nullable(),
  proof: z.string().nullable().optional(),
});
export const refsSchema = z.array(styleSetReferenceSchema);

export const iso = (ms: number) => new Date(ms).toISOString();

export function toStyleSet(raw: unknown): StyleSet {
  const row = rowSchema.parse(raw);
  let refs: unknown;
  try {
    refs = JSON.parse(row.refs);
  } catch {
    refs = null;
  }
  const references = refsSchema.safeParse(refs);
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    // A row we cannot read keeps its name and version rather than hiding the set.
    references: references.success ? references.data : [],
    proof: parseProof(row.proof),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    deletedAt: row.deleted_at === null ? null : iso(row.deleted_at),
    updatedBy: row.updated_by,
    status: row.status,
    approvedVersion: row.approved_version,
    statusBy: row.status_by,
    statusAt: row.status_at === null ? null : iso(row.status_at),
  };
}

export const contentOf = (v: VersionContent): VersionContent => ({
  name: v.name,
  note: v.note,
  references: v.references,
  proof: v.proof ?? null,
});

/**
 * One set, or null. `lock` (Postgres, inside a write) takes the row's lock
 * until the transaction ends, so a concurrent writer reads the set only after
 * this one committed and sees the version it made: a 409, not a half-written
 * history. SQLite's write lock already covers the whole database.
 */
export async function readSet(
  db: Db,
  id: string,
  options: { includeDeleted?: boolean; lock?: boolean } = {},
): Promise<StyleSet | null> {
  let query = db.selectFrom("style_sets").selectAll().where("id", "=", id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (row === undefined) return null;
  const set = toStyleSet(row);
  return set.deletedAt && !options.includeDeleted ? null : set;
}

export async function readLive(db: Db, id: string, lock = false): Promise<StyleSet> {
  const set = await readSet(db, id, { lock });
  if (!set) throw styleSetNotFound(id);
  return set;
}

/** Lower-cased names of live sets, to pick a free name for a copy. */
export async function liveNames(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom("style_sets")
    .select("name")
    .where("deleted_at", "is", null)
    .execute();
  return new Set(rows.map((r) => r.name.toLowerCase()));
}
