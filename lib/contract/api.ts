// Request and response shapes shared by the studio's routes (lib/server, app/api)
// and the browser (lib/client). Route-specific bodies are parsed with the zod
// schemas beside their domain (krea/, style-sets/), and generation shapes in
// generations/types.ts; this file holds the rest.

/** Orchestrator ids (workflows, blobs) are short tokens; anything else never goes upstream. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Request header carrying the fingerprint of the account a submit was made for. */
export const ACCOUNT_HEADER = "x-studio-account";
/** `reason` of the 409 problem when a submit was made for another account. */
export const ACCOUNT_CHANGED = "account-changed";

/** The account a submit was made for (README "How it works", exactly once). */
export interface SubmitAccount {
  /** server-made, stable for one orchestrator + token; says nothing about the token */
  fingerprint: string;
  /** "the local engine", "Civitai (your token #k3f9)" */
  label: string;
}

/** Which kind of orchestrator the studio talks to. */
export type EngineKind = "local" | "civitai";

/** What the browser is told about the orchestrator in use (never its URL or token). */
export interface EngineInfo {
  engine: EngineKind;
  label: string;
  /** where the token came from, for the header badge */
  tokenSource: "cookie" | "env" | "local";
  /** whom submits are made for now: kept submits name it (lib/client/platform/submit-account.ts) */
  account: SubmitAccount;
}
