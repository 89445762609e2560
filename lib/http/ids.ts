import { AppError } from "./problem";

/** Orchestrator ids (workflows, blobs) are short tokens; anything else never goes upstream. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

export function checkId(id: string, what: "workflow" | "image"): string {
  if (!ID_PATTERN.test(id)) {
    throw new AppError("not_found", { detail: `There is no ${what} with that id.` });
  }
  return id;
}
