import "server-only";
import { AppError } from "@/lib/server/http/problem";
import { parseOrThrow } from "@/lib/server/http/validate";
import type { Db } from "@/lib/server/db/migrations";
import type { StudioDb } from "@/lib/server/db/studio-db";
import {
  styleSetCreateSchema,
  styleSetPatchSchema,
  type StyleSet,
  type StyleSetCreate,
  type StyleSetExport,
  type StyleSetPatch,
} from "@/lib/contract/style-sets/schema";
import {
  UNKNOWN_AUTHOR,
  type StyleSetStatus,
  type StyleSetStatusEvent,
  type StyleSetVersion,
} from "@/lib/contract/style-sets/history";
import type { StyleSetProof } from "@/lib/contract/style-sets/proof";
import {
  appendStatusEvent,
  purgeOrphanHistory,
  readStatusEvents,
  readVersion,
  readVersions,
} from "./db-history";
import { appendProofs, proofRows, purgeOrphanProofs, readProofs } from "./db-proofs";
import { commitVersion, conflictError, insertSet, repairedReferences } from "./db-commit";
import {
  contentOf,
  liveNames,
  newStyleSetId,
  readLive,
  readSet,
  refsSchema,
  toStyleSet,
} from "./db-rows";
import {
  styleSetNotFound,
  versionNotFound,
  type BlobFix,
  type ImportOptions,
  type StyleSetStore,
} from "./store";
import { parseImportFile, uniqueName } from "./transfer";
import { exportFrom, importInto } from "./db-transfer";

// Style sets in the studio's database (SQLite or Postgres, lib/server/db/).
// Every write runs in a write transaction (db.write: BEGIN IMMEDIATE on SQLite;
// on Postgres the set's row is locked first), and updates are compare-and-set
// on the version, so of two edits based on one version exactly one wins.

/** Deleted sets stay restorable this long, then are purged when a store opens. */
const BIN_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export { newStyleSetId };

export interface DbStoreOptions {
  now?: () => number;
  newId?: () => string;
}

export class DbStyleSetStore implements StyleSetStore {
  private readonly now: () => number;
  private readonly newId: () => string;
  private ready: Promise<StudioDb> | undefined;

  /** `opened` may still be opening (and migrating): every call waits for it. */
  constructor(
    private readonly opened: Promise<StudioDb>,
    options: DbStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? newStyleSetId;
  }

  /** The open database, after the bin's purge (once per store). */
  private db(): Promise<StudioDb> {
    this.ready ??= this.opened.then(async (db) => {
      await db.write(async (trx) => {
        await trx
          .deleteFrom("style_sets")
          .where("deleted_at", "is not", null)
          .where("deleted_at", "<", this.now() - BIN_RETENTION_MS)
          .execute();
        await purgeOrphanHistory(trx);
        await purgeOrphanProofs(trx);
      });
      return db;
    });
    // A failed open is retried by the next call.
    this.ready.catch(() => (this.ready = undefined));
    return this.ready;
  }

  private async read<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return work((await this.db()).kysely);
  }

  /** A write transaction; `lock` is true on Postgres, where readLive must lock the row. */
  private async write<T>(work: (trx: Db, lock: boolean) => Promise<T>): Promise<T> {
    const db = await this.db();
    return db.write((trx) => work(trx, db.dialect === "postgres"));
  }

  async list(): Promise<StyleSet[]> {
    return this.read(async (db) => {
      const rows = await db
        .selectFrom("style_sets")
        .selectAll()
        .where("deleted_at", "is", null)
        .orderBy("updated_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(toStyleSet);
    });
  }

  async get(id: string, options: { includeDeleted?: boolean } = {}): Promise<StyleSet | null> {
    return this.read((db) => readSet(db, id, options));
  }

  async create(input: StyleSetCreate): Promise<StyleSet> {
    const valid = parseOrThrow(styleSetCreateSchema, input);
    return this.write((trx) => insertSet(trx, this.newId(), valid, this.now()));
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
    return this.write(async (trx, lock) => {
      const current = await readLive(trx, id, lock);
      if (current.version !== expectedVersion) {
        throw await conflictError(trx, current, expectedVersion);
      }
      const next = {
        name: valid.name ?? current.name,
        note: valid.note ?? current.note,
        references: valid.references ?? current.references,
        proof: valid.proof === undefined ? current.proof : valid.proof,
      };
      const author = valid.author ?? UNKNOWN_AUTHOR;
      return commitVersion(trx, current, next, { author, restoredFrom: null, when: this.now() });
    });
  }

  async versions(
    id: string,
  ): Promise<{ items: StyleSetVersion[]; statusEvents: StyleSetStatusEvent[] }> {
    return this.read(async (db) => {
      await readLive(db, id);
      return { items: await readVersions(db, id), statusEvents: await readStatusEvents(db, id) };
    });
  }

  async version(id: string, version: number): Promise<StyleSetVersion> {
    return this.read(async (db) => {
      await readLive(db, id);
      const found = await readVersion(db, id, version);
      if (!found) throw versionNotFound(id, version);
      return found;
    });
  }

  async restoreVersion(
    id: string,
    from: number,
    expectedVersion: number,
    author = UNKNOWN_AUTHOR,
  ): Promise<StyleSet> {
    return this.write(async (trx, lock) => {
      const current = await readLive(trx, id, lock);
      const old = await readVersion(trx, id, from);
      if (!old) throw versionNotFound(id, from);
      if (current.version !== expectedVersion) {
        throw await conflictError(trx, current, expectedVersion);
      }
      return commitVersion(trx, current, contentOf(old), {
        author,
        restoredFrom: from,
        when: this.now(),
      });
    });
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
    return this.write(async (trx, lock) => {
      await readLive(trx, id, lock);
      const found = await readVersion(trx, id, version);
      if (!found) throw versionNotFound(id, version);
      await appendProofs(trx, proofRows(found, proofs, author), this.now());
      return readProofs(trx, id, version);
    });
  }

  async proofs(id: string, version: number): Promise<StyleSetProof[]> {
    return this.read(async (db) => {
      await readLive(db, id);
      if (!(await readVersion(db, id, version))) throw versionNotFound(id, version);
      return readProofs(db, id, version);
    });
  }

  async setStatus(
    id: string,
    status: StyleSetStatus,
    expectedVersion: number,
    author = UNKNOWN_AUTHOR,
  ): Promise<StyleSet> {
    return this.write(async (trx, lock) => {
      const current = await readLive(trx, id, lock);
      // Approving names the version the approver saw: a newer one is a 409.
      if (current.version !== expectedVersion) {
        throw await conflictError(trx, current, expectedVersion);
      }
      if (current.status === status) return current;
      const at = this.now();
      await trx
        .updateTable("style_sets")
        .set({
          status,
          status_by: author,
          status_at: at,
          ...(status === "approved" ? { approved_version: current.version } : {}),
        })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .execute();
      await appendStatusEvent(trx, id, { status, version: current.version, author, at });
      return readLive(trx, id);
    });
  }

  async repairBlobs(id: string, fixes: ReadonlyMap<string, BlobFix>): Promise<StyleSet> {
    return this.write(async (trx, lock) => {
      const current = await readLive(trx, id, lock);
      const references = repairedReferences(current, fixes);
      if (!references) return current;
      const valid = refsSchema.parse(references);
      await trx
        .updateTable("style_sets")
        .set({ refs: JSON.stringify(valid) })
        .where("id", "=", id)
        .execute();
      return readLive(trx, id);
    });
  }

  async remove(id: string): Promise<StyleSet> {
    return this.write(async (trx, lock) => {
      const set = await readSet(trx, id, { includeDeleted: true, lock });
      if (!set) throw styleSetNotFound(id);
      // Deleting twice (a double click) is not an error; the set stays in the bin.
      if (set.deletedAt) return set;
      await trx
        .updateTable("style_sets")
        .set({ deleted_at: this.now() })
        .where("id", "=", id)
        .execute();
      const deleted = await readSet(trx, id, { includeDeleted: true });
      if (!deleted) throw styleSetNotFound(id);
      return deleted;
    });
  }

  async restore(id: string): Promise<StyleSet> {
    return this.write(async (trx, lock) => {
      if (!(await readSet(trx, id, { includeDeleted: true, lock }))) throw styleSetNotFound(id);
      await trx.updateTable("style_sets").set({ deleted_at: null }).where("id", "=", id).execute();
      return readLive(trx, id);
    });
  }

  async duplicate(id: string, name?: string): Promise<StyleSet> {
    return this.write(async (trx) => {
      const source = await readLive(trx, id);
      const copy = parseOrThrow(styleSetCreateSchema, {
        name: name ?? uniqueName(source.name, "copy", await liveNames(trx)),
        note: source.note,
        references: source.references,
      });
      return insertSet(trx, this.newId(), copy, this.now());
    });
  }

  async importSets(file: unknown, options: ImportOptions = {}): Promise<StyleSet[]> {
    // Everything is validated before the transaction starts: one bad entry, nothing written.
    const sets = parseImportFile(file);
    return this.write((trx, lock) =>
      importInto(trx, sets, options, { lock, now: this.now(), newId: this.newId }),
    );
  }

  async exportSets(ids?: string[]): Promise<StyleSetExport> {
    return this.read((db) => exportFrom(db, ids, this.now()));
  }

  async close(): Promise<void> {
    await (await this.opened.catch(() => null))?.close();
  }
}
