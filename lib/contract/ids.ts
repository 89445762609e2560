import { AppError } from "../server/http/problem";

/** Orchestrator ids (workflows, blobs) are short tokens; anything else never goes upstream. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

export function checkId(id: string, what: "workflow" | "image"): string {
  // "." and ".." pass the pattern but are path segments: the SDK puts the id in
  // the URL unescaped, so /blobs/../refresh would reach another endpoint (found by fuzz.test.ts).
  if (!ID_PATTERN.test(id) || /^\.+$/.test(id)) {
    throw new AppError("not_found", { detail: `There is no ${what} with that id.` });
  }
  return id;
}
