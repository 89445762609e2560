// Style set limits and id shape without the zod schemas, so the browser can use
// them (the builder's save dialog, the gallery's set filter) without loading zod.
export const STYLE_SET_NAME_MAX = 80;
export const STYLE_SET_NOTE_MAX = 500;
export const REFERENCE_LABEL_MAX = 200;
export const EXPORT_FORMAT = "krea-studio.style-sets";
/** 2 adds history, statuses and embedded images; 1 files still import. */
export const EXPORT_VERSION = 2;
/** More than anyone keeps; bounds the work one import can ask for. */
export const IMPORT_MAX_SETS = 1000;

/** ss_ + 20 lower-case letters and digits: safe in URLs and in a workflow tag. */
export const STYLE_SET_ID_PATTERN = /^ss_[a-z0-9]{20}$/;
