// What the Style sets page says when an import is refused, written for people
// (the report under it always adds "Your style sets are unchanged.").
// The API's problem+json stays precise (`format`, `sets[2].references[0].strength`,
// for scripts and editors); here a file that is not an export, or one from a
// newer studio, gets one plain sentence, and other problems name the set and
// reference they are in rather than a JSON path.
import { EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/contract/style-sets/limits";

export interface ImportProblem {
  title: string;
  items: string[];
}

const MAX_LISTED = 20;

function field(file: unknown, key: string): unknown {
  if (typeof file !== "object" || file === null || Array.isArray(file)) return undefined;
  const value: unknown = Reflect.get(file, key);
  return value;
}

/** The file's own name for set `i`, when it has one. */
function setName(file: unknown, i: number): string | null {
  const sets = field(file, "sets");
  const name = Array.isArray(sets) ? field(sets[i], "name") : undefined;
  return typeof name === "string" && name.trim() ? name.trim() : null;
}

/** `sets[2].references[0].strength` → `Set 3 “Noir”, reference 1, strength` */
export function placeInFile(path: string, file: unknown): string {
  const parts = [...path.matchAll(/([A-Za-z]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part === "sets" && typeof next === "number") {
      const name = setName(file, next);
      out.push(`Set ${next + 1}${name ? ` “${name}”` : ""}`);
      i++;
    } else if (part === "references" && typeof next === "number") {
      out.push(`reference ${next + 1}`);
      i++;
    } else if (part === "history" && typeof next === "number") {
      out.push(`history entry ${next + 1}`);
      i++;
    } else if (typeof part === "number") {
      out.push(`item ${part + 1}`);
    } else if (part !== undefined && part !== "file") {
      out.push(part);
    }
  }
  return out.join(", ") || "The file";
}

/** The refusal of an import (400 with field errors) as the page shows it next to Import. */
export function importProblem(
  file: unknown,
  fileName: string,
  refusal: { detail: string; fieldErrors: Readonly<Record<string, readonly string[]>> },
): ImportProblem {
  const paths = Object.keys(refusal.fieldErrors);
  const format = field(file, "format");
  if (paths.includes("file") || format !== EXPORT_FORMAT) {
    return {
      title: `“${fileName}” is not a style-set export from Krea Prompt Studio.`,
      items: ["Choose a file made with Export or Export all on a studio's Style sets page."],
    };
  }
  if (paths.includes("version")) {
    const version = field(file, "version");
    if (typeof version === "number" && version > EXPORT_VERSION) {
      return {
        title: `“${fileName}” was exported by a newer Krea Prompt Studio (export version ${version}); this studio reads versions up to ${EXPORT_VERSION}.`,
        items: ["Update this studio, or export the sets again from a studio of this version."],
      };
    }
    return {
      title:
        version === undefined
          ? `“${fileName}” does not say which export version it is, so this studio cannot read it safely.`
          : `“${fileName}” has an export version this studio does not know (${JSON.stringify(version)}).`,
      items: [
        "Export the sets again from the studio they came from; when editing the file, keep its “version” line as it was.",
      ],
    };
  }
  const items = Object.entries(refusal.fieldErrors).map(
    ([where, messages]) => `${placeInFile(where, file)}: ${messages.join("; ")}`,
  );
  return {
    title:
      items.length === 0
        ? refusal.detail
        : `“${fileName}” has ${items.length === 1 ? "a problem" : `${items.length} problems`}: fix ${items.length === 1 ? "it" : "them"} and import again.`,
    items:
      items.length > MAX_LISTED
        ? [...items.slice(0, MAX_LISTED), `…and ${items.length - MAX_LISTED} more`]
        : items,
  };
}

/**
 * What an import says about the retired sets it brought: an import keeps each
 * set's status (a copy too), so a retired set stays out of the builder's picker
 * until someone sets it back to draft. Null when none arrived retired.
 */
export function retiredNote(sets: readonly { name: string; status: string }[]): string | null {
  const retired = sets.filter((s) => s.status === "retired").map((s) => `“${s.name}”`);
  if (retired.length === 0) return null;
  const which = retired.length === 1 ? `${retired[0]} is` : `${retired.join(", ")} are`;
  return `${which} retired, as in the file, so ${retired.length === 1 ? "it stays" : "they stay"} out of the builder's picker until set back to draft.`;
}
