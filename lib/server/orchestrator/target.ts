import "server-only";
import type { EngineInfo, EngineKind } from "@/lib/contract/api";

export type { EngineInfo, EngineKind };
import { tokenFromCookie } from "@/lib/server/session/token-cookie";
import { accountOf } from "./account";
import { env } from "@/lib/server/env";

/** Which orchestrator a request talks to, and with what credentials. Never sent to the browser. */
export interface OrchestratorTarget {
  kind: EngineKind;
  baseUrl: string;
  token: string;
  /** where the token came from, for the header badge */
  source: EngineInfo["tokenSource"];
}

export const CIVITAI_URL = "https://orchestration.civitai.com";
export const LOCAL_ENGINE_PATH = "/api/local-engine";
/** The embedded engine accepts any bearer token; this one is not a secret. */
export const LOCAL_ENGINE_TOKEN = "local-studio";

/** The embedded engine as this server reaches it: over loopback HTTP, like any orchestrator. */
export function embeddedEngineUrl(): string {
  return `http://127.0.0.1:${env().PORT}${LOCAL_ENGINE_PATH}`;
}

/**
 * Picks the orchestrator: the user's token from the sealed cookie, else
 * CIVITAI_TOKEN, else the embedded engine. ORCHESTRATOR_URL overrides the base
 * URL either way: a staging host for a token, or a standalone engine
 * (`npm run engine`) when there is none.
 */
export async function resolveTarget(cookieHeader: string | null): Promise<OrchestratorTarget> {
  const userToken = await tokenFromCookie(cookieHeader);
  const envToken = env().CIVITAI_TOKEN;
  const token = userToken ?? envToken;
  if (token) {
    return {
      kind: "civitai",
      baseUrl: env().ORCHESTRATOR_URL || CIVITAI_URL,
      token,
      source: userToken ? "cookie" : "env",
    };
  }
  return {
    kind: "local",
    baseUrl: env().ORCHESTRATOR_URL || embeddedEngineUrl(),
    token: LOCAL_ENGINE_TOKEN,
    source: "local",
  };
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Whether the target is this server's own embedded engine (directly, or named
 * by ORCHESTRATOR_URL as the e2e setup does): then its health is the engine's.
 */
export function servesEmbeddedEngine(target: OrchestratorTarget): boolean {
  try {
    const url = new URL(target.baseUrl);
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    return (
      LOOPBACK.has(url.hostname) &&
      port === env().PORT &&
      url.pathname.replace(/\/+$/, "") === LOCAL_ENGINE_PATH
    );
  } catch {
    return false;
  }
}

/** What the browser may know about the target. */

export function describeTarget(target: OrchestratorTarget): EngineInfo {
  return {
    engine: target.kind,
    label: target.kind === "local" ? "Local engine" : "Civitai",
    tokenSource: target.source,
    account: accountOf(target),
  };
}
