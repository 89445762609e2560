import "server-only";
import type { StyleSetProof } from "@/lib/contract/style-sets/proof";
import { AppError } from "@/lib/server/http/problem";
import type {
  StyleSet,
  StyleSetCreate,
  StyleSetExport,
  StyleSetPatch,
} from "@/lib/contract/style-sets/schema";
import type { StyleSetDiff } from "@/lib/contract/style-sets/diff";
import {
  UNKNOWN_AUTHOR,
  type StyleSetStatus,
  type StyleSetStatusEvent,
  type StyleSetVersion,
} from "@/lib/contract/style-sets/history";

// What callers may do with style sets, whatever holds them: db-store.ts keeps
// them in the studio's database, SQLite or Postgres (lib/server/db/).
//
// Errors are the studio's AppErrors so routes can let them through: not_found
// (404) for unknown or deleted sets, StyleSetConflictError (409) for a stale
// version, validation (400) for an import that does not parse.

export interface StyleSetStore {
  /** live sets, most recently updated first */
  list(): Promise<StyleSet[]>;
  /** a live set; with includeDeleted also one in the bin; null when there is none */
  get(id: string, options?: { includeDeleted?: boolean }): Promise<StyleSet | null>;
  create(input: StyleSetCreate): Promise<StyleSet>;
  /** applies the patch only if the set is still at expectedVersion; appends the next version */
  update(id: string, patch: StyleSetPatch, expectedVersion: number): Promise<StyleSet>;
  /** the set's history, newest version first, and its status changes, oldest first */
  versions(id: string): Promise<{ items: StyleSetVersion[]; statusEvents: StyleSetStatusEvent[] }>;
  version(id: string, version: number): Promise<StyleSetVersion>;
  /** a new version with version `from`'s content; nothing is rewritten */
  restoreVersion(
    id: string,
    from: number,
    expectedVersion: number,
    author?: string,
  ): Promise<StyleSet>;
  /** appends proof renders (workflow per test prompt) of a version; 404 for a version that does not exist */
  recordProofs(
    id: string,
    version: number,
    proofs: readonly { promptIndex: number; workflowId: string }[],
    author?: string,
  ): Promise<StyleSetProof[]>;
  /** a version's proof renders, oldest first */
  proofs(id: string, version: number): Promise<StyleSetProof[]>;
  /** draft, approved (the current version) or retired, recording who and when */
  setStatus(
    id: string,
    status: StyleSetStatus,
    expectedVersion: number,
    author?: string,
  ): Promise<StyleSet>;
  /**
   * Keep-alive fixes (keep-alive.ts): every reference on blob `old` gets the
   * fresh blob id, URL and expiry. Not a designer's edit: the same images,
   * order and strengths, so the version and updatedAt stay and nobody's
   * pending update gets a 409 for it. Keyed by blob id, so it applies to the
   * set as it is now, whatever changed since it was read.
   */
  repairBlobs(id: string, fixes: ReadonlyMap<string, BlobFix>): Promise<StyleSet>;
  /** soft delete: the set leaves the list and can be restored (Undo) */
  remove(id: string): Promise<StyleSet>;
  restore(id: string): Promise<StyleSet>;
  /** a copy named "<name> (copy)", or `name` */
  duplicate(id: string, name?: string): Promise<StyleSet>;
  /**
   * Validates the whole export file first; inserts all its sets or none. A set
   * this studio already has is imported as a copy, or with `existing: "append"`
   * gets the file's versions it lacks appended to its history.
   */
  importSets(file: unknown, options?: ImportOptions): Promise<StyleSet[]>;
  /** the given live sets (all when ids is absent); unknown ids are a 404 */
  exportSets(ids?: string[]): Promise<StyleSetExport>;
  close(): Promise<void>;
}

export interface ImportOptions {
  existing?: "copy" | "append";
}

export interface BlobFix {
  blobId: string;
  imageUrl: string;
  urlExpiresAt: string | null;
}

/** What happened between the version an update was based on and the current one. */
export interface TheirChange {
  from: number;
  to: number;
  authors: string[];
  diff: StyleSetDiff;
}

/** An update based on a version that is no longer current. */
export class StyleSetConflictError extends AppError {
  readonly current: StyleSet;
  constructor(current: StyleSet, expectedVersion: number, theirChange: TheirChange | null = null) {
    const named = theirChange?.authors.filter((a) => a !== UNKNOWN_AUTHOR) ?? [];
    const who = named.length ? ` by ${named.join(", ")}` : "";
    super("conflict", {
      detail: `This style set was changed${who || " by someone else"} (it is now version ${current.version}, your change was based on version ${expectedVersion}). Reload it, then apply your change again.`,
      fieldErrors: { version: [`stale: the set is at version ${current.version}`] },
      extensions: { currentVersion: current.version, current, theirChange },
      retryable: false,
    });
    this.name = "StyleSetConflictError";
    this.current = current;
  }
}

export function styleSetNotFound(id: string): AppError {
  return new AppError("not_found", {
    detail: `There is no style set ${id}: it was deleted, or the link is wrong.`,
  });
}

export function versionNotFound(id: string, version: number | string): AppError {
  return new AppError("not_found", {
    detail: `Style set ${id} has no version ${version}.`,
    fieldErrors: { version: [`no version ${version}`] },
  });
}
