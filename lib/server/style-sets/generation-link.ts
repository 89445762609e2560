import "server-only";
import { validationError } from "@/lib/server/http/problem";
import { TAG_PREFIX } from "@/lib/contract/generations/links";
import type { WorkflowBodyOptions } from "@/lib/contract/krea/workflow-body";
import { STYLE_SET_ID_PATTERN } from "@/lib/contract/style-sets/schema";
import type { StyleSetStore } from "./store";

// Which style set a generation was made with, recorded at submit time: the
// workflow's metadata gets { id, name, version } (the gallery shows it; read
// back by toGeneration) and a tag `styleset:<id>` (the orchestrator can filter
// workflows by tag, so the gallery can ask for one set's generations).

export function styleSetTag(id: string): string {
  return `${TAG_PREFIX.styleSet}${id}`;
}

export interface StyleSetLink {
  id: string;
  name: string;
  version: number;
  /** the version was the set's approved one when the image was made */
  approved: boolean;
}

/**
 * Reads `styleSet` (+ optional `styleSetVersion`) from a submit's query and
 * looks the set up. Null when no set is named. The version is the one the
 * builder applied (the references being submitted came from it); without one,
 * the current version. A set in the bin still counts: it was real when applied.
 * The store is only opened when a set is named.
 */
export async function styleSetFromQuery(
  params: URLSearchParams,
  store: () => StyleSetStore,
): Promise<StyleSetLink | null> {
  const id = params.get("styleSet");
  const rawVersion = params.get("styleSetVersion");
  if (id === null || id === "") {
    if (rawVersion) throw validationError({ styleSetVersion: ["only with styleSet"] });
    return null;
  }
  const set = STYLE_SET_ID_PATTERN.test(id)
    ? await store().get(id, { includeDeleted: true })
    : null;
  if (!set) {
    throw validationError({
      styleSet: ["there is no such style set; apply the set again or submit without it"],
    });
  }
  let version = set.version;
  if (rawVersion !== null && rawVersion !== "") {
    if (
      !/^\d{1,9}$/.test(rawVersion) ||
      Number(rawVersion) < 1 ||
      Number(rawVersion) > set.version
    ) {
      throw validationError({
        styleSetVersion: [`must be a version of the set, 1 to ${set.version}`],
      });
    }
    version = Number(rawVersion);
  }
  return {
    id: set.id,
    name: set.name,
    version,
    approved: set.status === "approved" && set.approvedVersion === version,
  };
}

/** Metadata and tag for a submit made with `link`. */
export function styleSetBodyOptions(
  link: StyleSetLink | null,
): Pick<WorkflowBodyOptions, "tags" | "metadata"> {
  if (!link) return {};
  return { tags: [styleSetTag(link.id)], metadata: { styleSet: link } };
}
