import "server-only";
import { AppError, validationError } from "@/lib/server/http/problem";
import { STYLE_SET_ID_PATTERN, type StyleSet } from "@/lib/contract/style-sets/schema";
import { styleSetNotFound, versionNotFound } from "./store";

// Small request helpers shared by the style-set routes.

/** A malformed id is a 404 like an unknown one: it never reaches the database. */
export function checkStyleSetId(id: string): string {
  if (!STYLE_SET_ID_PATTERN.test(id)) throw styleSetNotFound(id.slice(0, 40));
  return id;
}

/** A version number from a path (`/versions/3`); anything else is a 404 naming it. */
export function checkVersionParam(id: string, raw: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw versionNotFound(id, raw.slice(0, 12));
  return Number(raw);
}

/** The set's version as an ETag, so a client can send it back in If-Match. */
export function etagOf(set: StyleSet): string {
  return `"${set.version}"`;
}

/**
 * The version an update is based on: `version` in the body or an If-Match
 * header (`"3"`, `W/"3"` or `3`). One of them is required, so an update can
 * never silently overwrite a change the sender has not seen.
 */
export function expectedVersion(request: Request, bodyVersion: number | undefined): number {
  const header = request.headers.get("if-match")?.trim();
  let fromHeader: number | undefined;
  if (header) {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header);
    if (!match) {
      throw new AppError("bad_request", {
        detail: 'If-Match must be the set\'s version as an ETag, e.g. "3".',
        fieldErrors: { "If-Match": ['must be a version such as "3"'] },
      });
    }
    fromHeader = Number(match[1]);
  }
  if (bodyVersion !== undefined && fromHeader !== undefined && bodyVersion !== fromHeader) {
    throw validationError({
      version: [`version ${bodyVersion} and If-Match ${fromHeader} disagree; send one`],
    });
  }
  const version = bodyVersion ?? fromHeader;
  if (version === undefined) {
    throw validationError(
      { version: ["required: the version your change is based on"] },
      "Send the version your change is based on (version in the body or an If-Match header), so nobody's change is overwritten unseen.",
    );
  }
  return version;
}
