import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/server/http/problem";
import { parseOrThrow } from "@/lib/server/http/validate";
import type { SqliteDatabase } from "@/lib/server/db/sqlite";
import { openStudioDb } from "@/lib/server/db/studio-db";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  styleSetCreateSchema,
  styleSetPatchSchema,
  styleSetReferenceSchema,
  type StyleSet,
  type StyleSetCreate,
  type StyleSetExport,
  type StyleSetPatch,
} from "@/lib/contract/style-sets/schema";
import { StyleSetConflictError, styleSetNotFound, type BlobFix, type StyleSetStore } from "./store";
import { parseImportFile, uniqueName } from "./transfer";

// Style sets in the studio's SQLite database. Every write runs in an IMMEDIATE
// transaction (it takes the write lock up front, so two writers queue instead
// of failing half-way), and updates are compare-and-set on the version:
// `UPDATE … WHERE id = ? AND version = ?`, then `changes` tells whether we won.

/** Deleted sets stay restorable this long, then are purged when a store opens. */
const BIN_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
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
});
const refsSchema = z.array(styleSetReferenceSchema);

const iso = (ms: number) => new Date(ms).toISOString();

function toStyleSet(raw: unknown): StyleSet {
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
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    deletedAt: row.deleted_at === null ? null : iso(row.deleted_at),
  };
}

export interface SqliteStoreOptions {
  now?: () => number;
  newId?: () => string;
}

export class SqliteStyleSetStore implements StyleSetStore {
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(
    private readonly db: SqliteDatabase,
    options: SqliteStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? newStyleSetId;
    this.db
      .prepare("DELETE FROM style_sets WHERE deleted_at IS NOT NULL AND deleted_at < ?")
      .run(this.now() - BIN_RETENTION_MS);
  }

  /** Opens (creating and migrating as needed) the studio database file. */
  static open(file?: string, options?: SqliteStoreOptions): SqliteStyleSetStore {
    return new SqliteStyleSetStore(openStudioDb(file), options);
  }

  async list(): Promise<StyleSet[]> {
    return this.db
      .prepare("SELECT * FROM style_sets WHERE deleted_at IS NULL ORDER BY updated_at DESC, id")
      .all()
      .map(toStyleSet);
  }

  async get(id: string, options: { includeDeleted?: boolean } = {}): Promise<StyleSet | null> {
    return this.read(id, options.includeDeleted ?? false);
  }

  private read(id: string, includeDeleted: boolean): StyleSet | null {
    const row = this.db.prepare("SELECT * FROM style_sets WHERE id = ?").get(id);
    if (row === undefined) return null;
    const set = toStyleSet(row);
    return set.deletedAt && !includeDeleted ? null : set;
  }

  private readLive(id: string): StyleSet {
    const set = this.read(id, false);
    if (!set) throw styleSetNotFound(id);
    return set;
  }

  private insert(input: StyleSetCreate, at: number): StyleSet {
    const id = this.newId();
    this.db
      .prepare(
        `INSERT INTO style_sets (id, name, note, refs, version, created_at, updated_at, deleted_at)
         VALUES (?, ?, ?, ?, 1, ?, ?, NULL)`,
      )
      .run(id, input.name, input.note, JSON.stringify(input.references), at, at);
    return this.readLive(id);
  }

  async create(input: StyleSetCreate): Promise<StyleSet> {
    const valid = parseOrThrow(styleSetCreateSchema, input);
    return this.db.transaction(() => this.insert(valid, this.now())).immediate();
  }

  async update(id: string, patch: StyleSetPatch, expectedVersion: number): Promise<StyleSet> {
    const valid = parseOrThrow(styleSetPatchSchema, patch);
    if (valid.name === undefined && valid.note === undefined && valid.references === undefined) {
      throw new AppError("validation", {
        detail: "Nothing to change: send a new name, note or references.",
        fieldErrors: { body: ["send at least one of name, note, references"] },
      });
    }
    return this.db
      .transaction(() => {
        const current = this.readLive(id);
        if (current.version !== expectedVersion) {
          throw new StyleSetConflictError(current, expectedVersion);
        }
        const result = this.db
          .prepare(
            `UPDATE style_sets SET name = ?, note = ?, refs = ?, version = version + 1, updated_at = ?
             WHERE id = ? AND version = ? AND deleted_at IS NULL`,
          )
          .run(
            valid.name ?? current.name,
            valid.note ?? current.note,
            JSON.stringify(valid.references ?? current.references),
            // Never earlier than the last update, so "newest first" stays true if the clock steps back.
            Math.max(this.now(), Date.parse(current.updatedAt)),
            id,
            expectedVersion,
          );
        // Another connection (a second process) may have won between our read and write.
        if (result.changes !== 1)
          throw new StyleSetConflictError(this.readLive(id), expectedVersion);
        return this.readLive(id);
      })
      .immediate();
  }

  async repairBlobs(id: string, fixes: ReadonlyMap<string, BlobFix>): Promise<StyleSet> {
    return this.db
      .transaction(() => {
        const current = this.readLive(id);
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
        if (!changed) return current;
        const valid = refsSchema.parse(references);
        this.db
          .prepare("UPDATE style_sets SET refs = ? WHERE id = ?")
          .run(JSON.stringify(valid), id);
        return this.readLive(id);
      })
      .immediate();
  }

  async remove(id: string): Promise<StyleSet> {
    return this.db
      .transaction(() => {
        const set = this.read(id, true);
        if (!set) throw styleSetNotFound(id);
        // Deleting twice (a double click) is not an error; the set stays in the bin.
        if (set.deletedAt) return set;
        this.db.prepare("UPDATE style_sets SET deleted_at = ? WHERE id = ?").run(this.now(), id);
        const deleted = this.read(id, true);
        if (!deleted) throw styleSetNotFound(id);
        return deleted;
      })
      .immediate();
  }

  async restore(id: string): Promise<StyleSet> {
    return this.db
      .transaction(() => {
        if (!this.read(id, true)) throw styleSetNotFound(id);
        this.db.prepare("UPDATE style_sets SET deleted_at = NULL WHERE id = ?").run(id);
        return this.readLive(id);
      })
      .immediate();
  }

  async duplicate(id: string, name?: string): Promise<StyleSet> {
    return this.db
      .transaction(() => {
        const source = this.readLive(id);
        const copy = parseOrThrow(styleSetCreateSchema, {
          name: name ?? uniqueName(source.name, "copy", this.liveNames()),
          note: source.note,
          references: source.references,
        });
        return this.insert(copy, this.now());
      })
      .immediate();
  }

  private liveNames(): Set<string> {
    const rows = this.db.prepare("SELECT name FROM style_sets WHERE deleted_at IS NULL").all();
    return new Set(
      z
        .array(z.object({ name: z.string() }))
        .parse(rows)
        .map((r) => r.name.toLowerCase()),
    );
  }

  async importSets(file: unknown): Promise<StyleSet[]> {
    // Everything is validated before the transaction starts: one bad entry, nothing written.
    const sets = parseImportFile(file);
    return this.db
      .transaction(() => {
        const taken = this.liveNames();
        const at = this.now();
        return sets.map((set) => {
          const name = uniqueName(set.name, "imported", taken);
          taken.add(name.toLowerCase());
          return this.insert({ ...set, name }, at);
        });
      })
      .immediate();
  }

  async exportSets(ids?: string[]): Promise<StyleSetExport> {
    let sets: StyleSet[];
    if (ids === undefined) {
      sets = await this.list();
    } else {
      const found = [...new Set(ids)].map((id) => ({ id, set: this.read(id, false) }));
      const missing = found.filter((f) => !f.set).map((f) => f.id);
      if (missing.length) {
        throw new AppError("not_found", {
          detail: `No style set with id ${missing.join(", ")}: nothing was exported.`,
          fieldErrors: { ids: missing.map((id) => `unknown style set ${id}`) },
        });
      }
      sets = found.flatMap((f) => (f.set ? [f.set] : []));
    }
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: iso(this.now()),
      sets: sets.map(({ deletedAt: _deleted, ...set }) => set),
    };
  }

  close(): void {
    this.db.close();
  }
}
