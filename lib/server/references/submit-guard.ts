import "server-only";
import { validationError } from "@/lib/server/http/problem";
import { screenUrl, UrlRefusedError } from "@/lib/server/net/url-guard";
import { embeddedEngineUrl, type OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { env } from "@/lib/server/env";

// The last check before Buzz is spent: every reference URL in a submit is
// screened again, whatever the browser did or skipped (a script, an old tab).
// Only what needs no DNS (scheme, credentials, port, IP literals in any
// spelling, local names), so a submit never waits on a resolver; the full
// check with DNS happens when a URL is pasted (POST /api/references/check).
// Blob URLs signed by the target orchestrator itself pass: the embedded
// engine's are loopback by design, and it is the one fetching them.

/** The `…/v2/consumer/blobs/` bases under which the target serves its own signed blob URLs. */
export function ownBlobPrefixes(target: OrchestratorTarget): string[] {
  const bases = [target.baseUrl];
  if (target.kind === "local") {
    bases.push(embeddedEngineUrl());
    const { LOCAL_ENGINE_PUBLIC_URL } = env();
    if (LOCAL_ENGINE_PUBLIC_URL) bases.push(LOCAL_ENGINE_PUBLIC_URL);
  }
  return bases.map((base) => `${base.replace(/\/+$/, "")}/v2/consumer/blobs/`);
}

export function assertReferencesAllowed(
  target: OrchestratorTarget,
  references: readonly { imageUrl: string }[],
): void {
  const own = ownBlobPrefixes(target);
  const errors: Record<string, string[]> = {};
  references.forEach((ref, i) => {
    // Compared after the URL parser resolved any "../", so a prefix cannot smuggle another path.
    const normalized = URL.canParse(ref.imageUrl) ? new URL(ref.imageUrl).href : "";
    if (own.some((prefix) => normalized.startsWith(prefix))) return;
    try {
      screenUrl(ref.imageUrl);
    } catch (error) {
      if (!(error instanceof UrlRefusedError)) throw error;
      errors[`imageStyleReferences.${i}.imageUrl`] = [error.message];
    }
  });
  if (Object.keys(errors).length) throw validationError(errors);
}
