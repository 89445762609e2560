// A style set's history and status: every saved change is a version (who, when,
// what changed), and a set is draft, approved or retired. The request bodies of
// the history routes are parsed here, so the browser and the routes agree.
import * as z from "zod/mini";
import type { StyleSetDiff } from "./diff";
import type { ProofSettings } from "./proof";
import type { StyleSetReference } from "./schema";

export const STYLE_SET_STATUSES = ["draft", "approved", "retired"] as const;
export type StyleSetStatus = (typeof STYLE_SET_STATUSES)[number];
export const AUTHOR_MAX = 60;
/** Who wrote a change sent without a display name (a script, an old client). */
export const UNKNOWN_AUTHOR = "Someone";

export const authorSchema = z.optional(
  z
    .string("author must be text")
    .check(
      z.trim(),
      z.minLength(1, "author must not be empty"),
      z.maxLength(AUTHOR_MAX, `author must be at most ${AUTHOR_MAX} characters`),
    ),
);

const wholeVersion = (field: string) =>
  z.int(`${field} must be a whole number`).check(z.minimum(1, `${field} must be at least 1`));

/** POST /api/style-sets/:id/restore-version: `from` is the version to bring back. */
export const restoreVersionSchema = z.strictObject({
  from: wholeVersion("from"),
  version: z.optional(wholeVersion("version")),
  author: authorSchema,
});

/** POST /api/style-sets/:id/status: approving approves the version the sender saw. */
export const statusChangeSchema = z.strictObject({
  status: z.enum(STYLE_SET_STATUSES, "status must be one of draft, approved, retired"),
  version: z.optional(wholeVersion("version")),
  author: authorSchema,
});

export interface StyleSetVersion {
  setId: string;
  version: number;
  name: string;
  note: string;
  references: StyleSetReference[];
  /** test prompts, tier and seed this version is proofed with; null: none */
  proof: ProofSettings | null;
  author: string;
  createdAt: string;
  /** from the previous version; null where the history starts after the set did (sets saved before history) */
  diff: StyleSetDiff | null;
  /** set when this version brought back an older one */
  restoredFrom: number | null;
}

export interface StyleSetStatusEvent {
  status: StyleSetStatus;
  /** the set's version when its status changed (the approved one, for approved) */
  version: number;
  author: string;
  at: string;
}
