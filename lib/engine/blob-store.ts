// Blob bytes on disk under `<engineDir>/blobs/`, their rows in SQLite. Files
// are written to a temp name, synced, then renamed: a rename is atomic, so a
// crash (kill -9, power loss after the sync) leaves either the whole file or
// none, never a torn image. The row is written after the file, so a row always
// points at complete bytes; an orphan file from a crash is harmless and is
// overwritten when the job re-renders the same blob on resume.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Db } from "./db";
import { BLOB_ID_PATTERN } from "./ids";
import { renderPreview } from "./render";
import type { BlobRecord } from "./types";

interface BlobRow {
  id: string;
  user_id: string;
  kind: string;
  mime: string;
  width: number;
  height: number;
  size: number;
  etag: string;
  job_id: string | null;
  created_at: number;
  lifetime_ends_at: number;
}

function toBlob(row: BlobRow): BlobRecord {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind === "upload" ? "upload" : "output",
    mime: row.mime,
    width: row.width,
    height: row.height,
    size: row.size,
    etag: row.etag,
    jobId: row.job_id,
    createdAt: row.created_at,
    lifetimeEndsAt: row.lifetime_ends_at,
  };
}

export function isAlive(blob: Pick<BlobRecord, "lifetimeEndsAt">, now: number): boolean {
  return blob.lifetimeEndsAt > now;
}

export function etagOf(bytes: Buffer): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
}

export class BlobStore {
  readonly dir: string;
  private readonly previews = new Map<string, Promise<Buffer>>();

  /**
   * @param lifetimeMs how long a blob lives after it is made or last refreshed
   *   (the orchestrator's 30 days; LOCAL_ENGINE_BLOB_TTL_SECONDS in tests)
   */
  constructor(
    private readonly db: Db,
    engineDir: string,
    readonly lifetimeMs: number,
  ) {
    this.dir = path.join(engineDir, "blobs");
    mkdirSync(this.dir, { recursive: true });
  }

  /** Writes the bytes, then the row (see the file comment for why in that order). */
  async put(
    meta: Omit<BlobRecord, "size" | "etag" | "lifetimeEndsAt">,
    bytes: Buffer,
  ): Promise<BlobRecord> {
    await this.writeFileAtomic(this.fileOf(meta.id), bytes);
    const record: BlobRecord = {
      ...meta,
      size: bytes.length,
      etag: etagOf(bytes),
      lifetimeEndsAt: meta.createdAt + this.lifetimeMs,
    };
    this.insertRow(record);
    return record;
  }

  /** Writes the bytes only; the caller inserts the row in its own transaction. */
  async writeBytes(id: string, bytes: Buffer): Promise<{ size: number; etag: string }> {
    await this.writeFileAtomic(this.fileOf(id), bytes);
    return { size: bytes.length, etag: etagOf(bytes) };
  }

  insertRow(r: BlobRecord): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO blobs (id, user_id, kind, mime, width, height, size, etag, job_id, created_at, lifetime_ends_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.id,
        r.userId,
        r.kind,
        r.mime,
        r.width,
        r.height,
        r.size,
        r.etag,
        r.jobId,
        r.createdAt,
        r.lifetimeEndsAt,
      );
  }

  get(id: string): BlobRecord | null {
    const row = this.db.prepare<[string], BlobRow>("SELECT * FROM blobs WHERE id = ?").get(id);
    return row ? toBlob(row) : null;
  }

  getMany(ids: string[]): Map<string, BlobRecord> {
    const rows = this.db
      .prepare<[string], BlobRow>(
        "SELECT * FROM blobs WHERE id IN (SELECT value FROM json_each(?))",
      )
      .all(JSON.stringify(ids));
    return new Map(rows.map((r) => [r.id, toBlob(r)]));
  }

  /** A blob of this user that is still alive at `now`; an expired one is gone, as upstream. */
  forUser(userId: string, id: string, now: number): BlobRecord | null {
    const blob = this.get(id);
    return blob && blob.userId === userId && isAlive(blob, now) ? blob : null;
  }

  /** Starts the blob's lifetime again from `now` and returns the updated record. */
  refreshLifetime(blob: BlobRecord, now: number): BlobRecord {
    const lifetimeEndsAt = now + this.lifetimeMs;
    this.db
      .prepare("UPDATE blobs SET lifetime_ends_at = ? WHERE id = ?")
      .run(lifetimeEndsAt, blob.id);
    return { ...blob, lifetimeEndsAt };
  }

  countOutputs(): number {
    return (
      this.db
        .prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM blobs WHERE kind = 'output'")
        .get()?.n ?? 0
    );
  }

  read(id: string): Promise<Buffer> {
    return readFile(this.fileOf(id));
  }

  /** Keeps a preview rendered ahead of time (uploads render theirs to prove they decode). */
  storePreview(id: string, bytes: Buffer): Promise<void> {
    return this.writeFileAtomic(this.previewFileOf(id), bytes);
  }

  /** The preview rendition, rendered on first request and kept beside the original. */
  preview(id: string): Promise<Buffer> {
    const pending = this.previews.get(id);
    if (pending) return pending;
    const file = this.previewFileOf(id);
    const work = readFile(file)
      .catch(async () => {
        const bytes = await renderPreview(await this.read(id));
        await this.writeFileAtomic(file, bytes);
        return bytes;
      })
      .finally(() => this.previews.delete(id));
    this.previews.set(id, work);
    return work;
  }

  private previewFileOf(id: string): string {
    return `${this.fileOf(id)}.preview.webp`;
  }

  private fileOf(id: string): string {
    // Ids become file names: refuse anything newBlobId could not have made.
    if (!BLOB_ID_PATTERN.test(id)) throw new Error(`not a blob id: ${id}`);
    return path.join(this.dir, id);
  }

  private async writeFileAtomic(file: string, bytes: Buffer): Promise<void> {
    const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    const handle = await open(temp, "w", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
