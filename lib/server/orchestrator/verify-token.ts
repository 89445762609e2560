import "server-only";
import { AppError } from "@/lib/server/http/problem";
import { CIVITAI_URL, type OrchestratorTarget } from "./target";
import { listGenerations } from "./workflows";
import { env } from "@/lib/server/env";

export type TokenCheck = "valid" | "rejected" | "unverified";

/** How long the Token dialog waits for Civitai before saving the token unverified. */
const VERIFY_TIMEOUT_MS = 10_000;

/** The orchestrator a user's token would talk to (the same rule as resolveTarget). */
export function targetForToken(token: string): OrchestratorTarget {
  return {
    kind: "civitai",
    baseUrl: env().ORCHESTRATOR_URL || CIVITAI_URL,
    token,
    source: "cookie",
  };
}

/**
 * Checks a token with the cheapest authenticated call there is (one history
 * item). Only a 401 means the token is wrong; anything else (offline, timeout,
 * 5xx) says nothing about the token, so the caller keeps it and says it is unverified.
 */
export async function verifyToken(token: string): Promise<TokenCheck> {
  try {
    await listGenerations(targetForToken(token), {
      take: 1,
      signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS),
    });
    return "valid";
  } catch (error) {
    if (error instanceof AppError && error.kind === "unauthorized") return "rejected";
    return "unverified";
  }
}
