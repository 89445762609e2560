import "server-only";
import { safeParse } from "zod/v4/core";
import { validationError } from "@/lib/server/http/problem";
import {
  STYLE_SET_NAME_MAX,
  styleSetExportSchema,
  type ImportedStyleSet,
} from "@/lib/contract/style-sets/schema";

// Import and export of style sets as JSON files:
//   { format: "krea-studio.style-sets", version: 1, exportedAt, sets: [...] }
// An import is all or nothing: the whole file is validated first, and every
// problem is reported where it is in the file (`sets[2].references[0].strength`),
// so a designer can fix it in a text editor.

/** `["sets", 2, "references", 0, "strength"]` → `sets[2].references[0].strength` */
export function filePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "file";
}

/** Parses an export file or throws a 400 naming every bad field; nothing else happens. */
export function parseImportFile(file: unknown): ImportedStyleSet[] {
  const result = safeParse(styleSetExportSchema, file);
  if (result.success) return result.data.sets;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const where = filePath(issue.path);
    const message =
      issue.code === "invalid_type" && issue.path.length === 0
        ? "the file must be a JSON object exported from the studio's Style sets page"
        : issue.message;
    const list = (fieldErrors[where] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  const entries = Object.entries(fieldErrors);
  const [firstPath, firstMessages] = entries[0] ?? ["file", ["invalid"]];
  const more = entries.length > 1 ? ` (and ${entries.length - 1} more)` : "";
  throw validationError(
    fieldErrors,
    `Nothing was imported: ${firstPath}: ${firstMessages[0] ?? "invalid"}${more}.`,
  );
}

/**
 * `name`, or `name (imported)`, `name (imported 2)` … whichever is not taken
 * (case-insensitive), shortened so the result stays within the name limit.
 */
export function uniqueName(name: string, word: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ` (${word})` : ` (${word} ${n})`;
    const base = Array.from(name)
      .slice(0, STYLE_SET_NAME_MAX - suffix.length)
      .join("")
      .trimEnd();
    const candidate = `${base}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
