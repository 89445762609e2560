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
import { diffVersions, EMPTY_CONTENT, type VersionContent } from "@/lib/contract/style-sets/diff";
import {
  STYLE_SET_STATUSES,
  UNKNOWN_AUTHOR,
  type StyleSetStatus,
  type StyleSetStatusEvent,
  type StyleSetVersion,
} from "@/lib/contract/style-sets/history";
import {
  appendStatusEvent,
  appendVersion,
  parseProof,
  purgeOrphanHistory,
  readStatusEvents,
  readVersion,
  readVersions,
} from "./sqlite-history";
import {
  StyleSetConflictError,
  styleSetNotFound,
  versionNotFound,
  type BlobFix,
  type ImportOptions,
  type StyleSetStore,
} from "./store";
import { appendProofs, purgeOrphanProofs, readProofs } from "./sqlite-proofs";
import type { StyleSetProof } from "@/lib/contract/style-sets/proof";
import { parseImportFile, uniqueName } from "./transfer";
import { exportedSet, importedHistory, insertImported, missingVersions } from "./sqlite-transfer";

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
  updated_by: z.string(),
  status: z.enum(STYLE_SET_STATUSES),
  approved_version: z.number().nullable(),
  status_by: z.string().nullable(),
  status_at: z.number().nullable(),
  proof: z.string().nullable().optional(),
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

const contentOf = (v: VersionContent): VersionContent => ({
  name: v.name,
  note: v.note,
  references: v.references,
  proof: v.proof ?? null,
});

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
    purgeOrphanHistory(this.db);
    purgeOrphanProofs(this.db);
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
    const author = input.author ?? UNKNOWN_AUTHOR;
    this.db
      .prepare(
        `INSERT INTO style_sets (id, name, note, refs, version, created_at, updated_at, deleted_at, updated_by)
         VALUES (?, ?, ?, ?, 1, ?, ?, NULL, ?)`,
      )
      .run(id, input.name, input.note, JSON.stringify(input.references), at, at, author);
    const content = contentOf(input);
    const diff = diffVersions(EMPTY_CONTENT, content);
    appendVersion(this.db, { setId: id, version: 1, content, diff, author, at });
    return this.readLive(id);
  }

  /** A 409 that also says what changed since `expectedVersion` ("see their change"). */
  private conflict(current: StyleSet, expectedVersion: number): StyleSetConflictError {
    const base = readVersion(this.db, current.id, expectedVersion);
    const later = readVersions(this.db, current.id).filter((v) => v.version > expectedVersion);
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
   * Appends the next version with `next` as its content and makes it the set's.
   * Inside the caller's transaction, after its version check. An approved set
   * becomes a draft: what was approved is the old version.
   */
  private commitVersion(
    current: StyleSet,
    next: VersionContent,
    author: string,
    restoredFrom: number | null,
    when = this.now(),
  ): StyleSet {
    const previous = readVersion(this.db, current.id, current.version);
    const version = current.version + 1;
    // Never earlier than the last update, so "newest first" stays true if the clock steps back.
    const at = Math.max(when, Date.parse(current.updatedAt));
    const diff = diffVersions(contentOf(previous ?? current), next);
    appendVersion(this.db, {
      setId: current.id,
      version,
      content: next,
      diff,
      author,
      at,
      restoredFrom,
    });
    const result = this.db
      .prepare(
        `UPDATE style_sets SET name = ?, note = ?, refs = ?, proof = ?, version = ?, updated_at = ?, updated_by = ?,
           status = CASE status WHEN 'approved' THEN 'draft' ELSE status END,
           -- The draft is the editor's doing: the set says so, as its history does.
           status_by = CASE status WHEN 'approved' THEN ? ELSE status_by END,
           status_at = CASE status WHEN 'approved' THEN ? ELSE status_at END
         WHERE id = ? AND version = ? AND deleted_at IS NULL`,
      )
      .run(
        next.name,
        next.note,
        JSON.stringify(next.references),
        next.proof ? JSON.stringify(next.proof) : null,
        version,
        at,
        author,
        author,
        at,
        current.id,
        current.version,
      );
    // Another connection (a second process) may have won between our read and write.
    if (result.changes !== 1) throw this.conflict(this.readLive(current.id), current.version);
    if (current.status === "approved") {
      appendStatusEvent(this.db, current.id, { status: "draft", version, author, at });
    }
    return this.readLive(current.id);
  }

  async create(input: StyleSetCreate): Promise<StyleSet> {
    const valid = parseOrThrow(styleSetCreateSchema, input);
    return this.db.transaction(() => this.insert(valid, this.now())).immediate();
  }

  async update(id: string, patch: StyleSetPatch, expectedVersion: number): Promise<StyleSet> {
    const valid = parseOrThrow(styleSetPatchSchema, patch);
    const nothing = [valid.name, valid.note, valid.references, valid.proof].every(
      (v) => v === undefined,
    );
    if (nothing) {
      throw new AppError("validation", {
        detail: "Nothing to change: send a new name, note, references or proof settings.",
        fieldErrors: { body: ["send at least one of name, note, references, proof"] },
      });
    }
    return this.db
      .transaction(() => {
        const current = this.readLive(id);
        if (current.version !== expectedVersion) throw this.conflict(current, expectedVersion);
        const next = {
          name: valid.name ?? current.name,
          note: valid.note ?? current.note,
          references: valid.references ?? current.references,
          proof: valid.proof === undefined ? current.proof : valid.proof,
        };
        return this.commitVersion(current, next, valid.author ?? UNKNOWN_AUTHOR, null);
      })
      .immediate();
  }

  async versions(
    id: string,
  ): Promise<{ items: StyleSetVersion[]; statusEvents: StyleSetStatusEvent[] }> {
    this.readLive(id);
    return { items: readVersions(this.db, id), statusEvents: readStatusEvents(this.db, id) };
  }

  async version(id: string, version: number): Promise<StyleSetVersion> {
    this.readLive(id);
    const found = readVersion(this.db, id, version);
    if (!found) throw versionNotFound(id, version);
    return found;
  }

  async restoreVersion(
    id: string,
    from: number,
    expectedVersion: number,
    author = UNKNOWN_AUTHOR,
  ): Promise<StyleSet> {
    return this.db
      .transaction(() => {
        const current = this.readLive(id);
        const old = readVersion(this.db, id, from);
        if (!old) throw versionNotFound(id, from);
        if (current.version !== expectedVersion) throw this.conflict(current, expectedVersion);
        return this.commitVersion(current, contentOf(old), author, from);
      })
      .immediate();
  }

  /**
   * Records the workflows a proof run of `version` submitted. The prompt text is
   * the version's own (never the sender's), so a proof shows what was rendered.
   */
  async recordProofs(
    id: string,
    version: number,
    proofs: readonly { promptIndex: number; workflowId: string }[],
    author = UNKNOWN_AUTHOR,
  ): Promise<StyleSetProof[]> {
    return this.db
      .transaction(() => {
        this.readLive(id);
        const found = readVersion(this.db, id, version);
        if (!found) throw versionNotFound(id, version);
        const prompts = found.proof?.prompts ?? [];
        const rows = proofs.map((p) => {
          const prompt = prompts[p.promptIndex];
          if (prompt === undefined) {
            throw new AppError("validation", {
              detail: `Version ${version} has ${prompts.length} test prompt(s); there is no prompt ${p.promptIndex + 1} to proof.`,
              fieldErrors: {
                promptIndex: [`version ${version} has no test prompt ${p.promptIndex + 1}`],
              },
            });
          }
          return {
            setId: id,
            version,
            promptIndex: p.promptIndex,
            prompt,
            workflowId: p.workflowId,
            author,
          };
        });
        appendProofs(this.db, rows, this.now());
        return readProofs(this.db, id, version);
      })
      .immediate();
  }

  async proofs(id: string, version: number): Promise<StyleSetProof[]> {
    this.readLive(id);
    if (!readVersion(this.db, id, version)) throw versionNotFound(id, version);
    return readProofs(this.db, id, version);
  }

  async setStatus(
    id: string,
    status: StyleSetStatus,
    expectedVersion: number,
    author = UNKNOWN_AUTHOR,
  ): Promise<StyleSet> {
    return this.db
      .transaction(() => {
        const current = this.readLive(id);
        // Approving names the version the approver saw: a newer one is a 409.
        if (current.version !== expectedVersion) throw this.conflict(current, expectedVersion);
        if (current.status === status) return current;
        const at = this.now();
        this.db
          .prepare(
            `UPDATE style_sets SET status = ?, status_by = ?, status_at = ?,
               approved_version = CASE WHEN ? = 'approved' THEN version ELSE approved_version END
             WHERE id = ? AND version = ?`,
          )
          .run(status, author, at, status, id, expectedVersion);
        appendStatusEvent(this.db, id, { status, version: current.version, author, at });
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

  async importSets(file: unknown, options: ImportOptions = {}): Promise<StyleSet[]> {
    // Everything is validated before the transaction starts: one bad entry, nothing written.
    const sets = parseImportFile(file);
    return this.db
      .transaction(() => {
        const taken = this.liveNames();
        const now = this.now();
        return sets.map((set) => {
          const history = importedHistory(set, now);
          const existing = set.id ? this.read(set.id, false) : null;
          if (existing && options.existing === "append") {
            let current = existing;
            for (const v of missingVersions(this.db, existing.id, history)) {
              current = this.commitVersion(current, contentOf(v), v.author, null, v.at);
            }
            return current;
          }
          const name = uniqueName(set.name, "imported", taken);
          taken.add(name.toLowerCase());
          // A set keeps its id on a studio that lacks it, so bringing it back finds it.
          const id = set.id && !this.read(set.id, true) ? set.id : this.newId();
          insertImported(this.db, id, name, set, history);
          return this.readLive(id);
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
      sets: sets.map((set) => exportedSet(this.db, set)),
      images: {},
    };
  }

  close(): void {
    this.db.close();
  }
}
