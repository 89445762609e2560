// Style sets: named, reusable lists of style references with strengths. One
// schema for the builder's save dialog, the route handlers, the store and the
// JSON export, written with zod/mini like lib/contract/krea so the browser bundle stays
// small. Reference URLs and strengths reuse the Krea schema's own checks and
// messages ("strength out of range"), so a set can never hold a reference the
// orchestrator would refuse.
import * as z from "zod/mini";
import { ID_PATTERN } from "@/lib/contract/api";
import { STYLE_REFERENCES_MAX } from "@/lib/contract/krea/options";
import { MAX_REFERENCES_MESSAGE, styleReferenceSchema } from "@/lib/contract/krea/schema";

import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  IMPORT_MAX_SETS,
  REFERENCE_LABEL_MAX,
  STYLE_SET_ID_PATTERN,
  STYLE_SET_NAME_MAX,
  STYLE_SET_NOTE_MAX,
} from "./limits";
import {
  authorSchema,
  STYLE_SET_STATUSES,
  type StyleSetStatus,
  type StyleSetStatusEvent,
  type StyleSetVersion,
} from "./history";
import { proofSettingsSchema, type ProofSettings } from "./proof";

export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  IMPORT_MAX_SETS,
  REFERENCE_LABEL_MAX,
  STYLE_SET_ID_PATTERN,
  STYLE_SET_NAME_MAX,
  STYLE_SET_NOTE_MAX,
};
const THUMBNAIL_ID = /^[a-f0-9]{64}$/;

const optionalText = (max: number, field: string) =>
  z.optional(
    z.nullable(
      z
        .string(`${field} must be text`)
        .check(z.trim(), z.maxLength(max, `${field} must be at most ${max} characters`)),
    ),
  );

const referenceShape = {
  imageUrl: styleReferenceSchema.shape.imageUrl,
  strength: styleReferenceSchema.shape.strength,
  /** studio-served thumbnail (GET /api/thumbnails/:id) */
  thumbnailId: z.optional(
    z.nullable(z.string().check(z.regex(THUMBNAIL_ID, "thumbnailId is not a thumbnail id"))),
  ),
  /** what the row shows: the file name of an upload or the host of a URL */
  label: optionalText(REFERENCE_LABEL_MAX, "label"),
  /** orchestrator blob of an uploaded reference, to refresh its signed URL */
  blobId: z.optional(z.nullable(z.string().check(z.regex(ID_PATTERN, "blobId is not a blob id")))),
  /** when imageUrl stops working (signed blob URLs); refresh before submit */
  urlExpiresAt: z.optional(
    z.nullable(z.iso.datetime({ offset: true, error: "urlExpiresAt must be an ISO date-time" })),
  ),
};

export const styleSetReferenceSchema = z.strictObject(referenceShape);
export type StyleSetReference = z.infer<typeof styleSetReferenceSchema>;

const name = z
  .string({ error: "name is required" })
  .check(
    z.trim(),
    z.minLength(1, "name is required"),
    z.maxLength(STYLE_SET_NAME_MAX, `name must be at most ${STYLE_SET_NAME_MAX} characters`),
  );
const note = z
  .string("note must be text")
  .check(
    z.trim(),
    z.maxLength(STYLE_SET_NOTE_MAX, `note must be at most ${STYLE_SET_NOTE_MAX} characters`),
  );
const references = <T extends z.ZodMiniType>(item: T) =>
  z
    .array(item, "references must be a list")
    .check(z.maxLength(STYLE_REFERENCES_MAX, MAX_REFERENCES_MESSAGE));

/** POST /api/style-sets */
export const styleSetCreateSchema = z.strictObject({
  name,
  note: z._default(note, ""),
  references: z._default(references(styleSetReferenceSchema), () => []),
  author: authorSchema,
});
export type StyleSetCreate = z.infer<typeof styleSetCreateSchema>;

export const versionSchema = z
  .int("version must be a whole number")
  .check(z.minimum(1, "version must be at least 1"));

/** PATCH /api/style-sets/:id: any of the fields, and the version the change was based on. */
export const styleSetPatchSchema = z.strictObject({
  name: z.optional(name),
  note: z.optional(note),
  references: z.optional(references(styleSetReferenceSchema)),
  /** null clears them */
  proof: z.optional(z.nullable(proofSettingsSchema)),
  version: z.optional(versionSchema),
  author: authorSchema,
});
export type StyleSetPatch = Omit<z.infer<typeof styleSetPatchSchema>, "version">;

export interface StyleSet {
  id: string;
  name: string;
  note: string;
  references: StyleSetReference[];
  /** test prompts, tier and seed for proof renders; null until someone sets them */
  proof: ProofSettings | null;
  /** 1 on create, +1 on every change; updates name the version they were based on */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** set while the set sits in the bin (Undo restores it) */
  deletedAt: string | null;
  /** display name of whoever saved the current version */
  updatedBy: string;
  /** approved means the current version is the approved one; an edit makes it a draft again */
  status: StyleSetStatus;
  /** the last version ever approved (kept when a later edit makes the set a draft), for proofs */
  approvedVersion: number | null;
  statusBy: string | null;
  statusAt: string | null;
}

const isoDate = z.iso.datetime({ offset: true, error: "must be an ISO date-time" });
const exportedReferences = z._default(references(z.object(referenceShape)), () => []);
const exportedVersionSchema = z.object({
  version: versionSchema,
  name,
  note: z._default(note, ""),
  references: exportedReferences,
  author: z._default(z.string().check(z.trim(), z.minLength(1), z.maxLength(60)), "Someone"),
  createdAt: isoDate,
  restoredFrom: z.optional(z.nullable(versionSchema)),
  proof: z.optional(z.nullable(proofSettingsSchema)),
});
const exportedStatusSchema = z.object({
  status: z.enum(STYLE_SET_STATUSES),
  version: versionSchema,
  author: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  at: isoDate,
});

/** A set in an export file. Unknown keys are dropped, so later formats stay importable. */
const exportedSetSchema = z.object({
  /** version 2: lets an import recognise a set it already has */
  id: z.optional(z.string().check(z.regex(STYLE_SET_ID_PATTERN, "id is not a style set id"))),
  name,
  note: z._default(note, ""),
  references: exportedReferences,
  proof: z.optional(z.nullable(proofSettingsSchema)),
  status: z.optional(z.enum(STYLE_SET_STATUSES, "status must be one of draft, approved, retired")),
  approvedVersion: z.optional(z.nullable(versionSchema)),
  /** oldest first; the last one is the set's content */
  history: z.optional(z.array(exportedVersionSchema).check(z.maxLength(10_000))),
  statusEvents: z.optional(z.array(exportedStatusSchema).check(z.maxLength(10_000))),
});

/** An uploaded reference's cleaned image, by its thumbnail id, so the file works on another studio. */
const embeddedImageSchema = z.object({
  mime: z.enum(
    ["image/jpeg", "image/png", "image/webp"],
    "mime must be image/jpeg, image/png or image/webp",
  ),
  base64: z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64 must be base64")),
});

export const styleSetExportSchema = z.object({
  format: z.literal(
    EXPORT_FORMAT,
    `format must be "${EXPORT_FORMAT}": this is not a style set export`,
  ),
  version: z.union(
    [z.literal(1), z.literal(EXPORT_VERSION)],
    `version must be 1 or ${EXPORT_VERSION}: this file comes from a newer or unknown studio`,
  ),
  exportedAt: z.optional(z.string()),
  sets: z
    .array(exportedSetSchema, "sets must be a list")
    .check(z.maxLength(IMPORT_MAX_SETS, `sets may hold at most ${IMPORT_MAX_SETS} sets`)),
  images: z.optional(
    z.record(z.string().check(z.regex(THUMBNAIL_ID, "not a thumbnail id")), embeddedImageSchema),
  ),
});
export type ImportedStyleSet = z.infer<typeof exportedSetSchema>;
export type ImportFile = z.infer<typeof styleSetExportSchema>;
export type EmbeddedImage = z.infer<typeof embeddedImageSchema>;

export type ExportedStyleSet = Omit<StyleSet, "deletedAt"> & {
  history: Omit<StyleSetVersion, "setId" | "diff">[];
  statusEvents: StyleSetStatusEvent[];
};

export interface StyleSetExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  sets: ExportedStyleSet[];
  images: Record<string, EmbeddedImage>;
}
