import "server-only";
import { createHmac } from "node:crypto";
import { ACCOUNT_CHANGED, ACCOUNT_HEADER, type SubmitAccount } from "@/lib/contract/api";
import { AppError } from "@/lib/server/http/problem";
import { studioSecret } from "@/lib/server/session/secret";
import type { OrchestratorTarget } from "./target";

// Who a request's submits are charged to, as the browser may know it: a keyed
// hash of orchestrator and token (the key is the studio's secret, so the
// fingerprint cannot be checked against guessed tokens) and a human label.
export function accountOf(target: OrchestratorTarget): SubmitAccount {
  const fingerprint = createHmac("sha256", studioSecret())
    .update(`account\n${target.kind}\n${target.baseUrl}\n${target.token}`)
    .digest("base64url")
    .slice(0, 22);
  return { fingerprint, label: accountLabel(target, fingerprint) };
}

function accountLabel(target: OrchestratorTarget, fingerprint: string): string {
  if (target.source === "local") return "the local engine";
  if (target.source === "env") return "Civitai (the server's token)";
  // Two tokens of one designer must read differently; the tag is the fingerprint's, not the token's.
  return `Civitai (your token #${fingerprint.slice(0, 4).toLowerCase()})`;
}

/**
 * A submit names the account it was clicked for; when that is not this
 * request's account (token removed, added or changed since) it is refused
 * before anything is sent. A request without the header (a script) is not checked.
 */
export function assertSubmitAccount(request: Request, target: OrchestratorTarget): void {
  const claimed = request.headers.get(ACCOUNT_HEADER)?.trim();
  if (!claimed) return;
  const current = accountOf(target);
  if (claimed === current.fingerprint) return;
  throw new AppError("conflict", {
    title: "Made for another account",
    detail: `This Generate request was made for another account or engine than the one in use now (${current.label}). It was not sent: use that account again, or discard the request.`,
    extensions: { reason: ACCOUNT_CHANGED, account: current },
  });
}
