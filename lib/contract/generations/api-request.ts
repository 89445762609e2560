// "Copy as API request": the exact body the studio sent to the orchestrator for a
// generation, as JSON and as a cURL command. The token is always a shell
// variable, never a real value, and the externalId (the studio's idempotency
// key) is left out so a pasted request does not collide with the original.
import type { KreaInput } from "@/lib/contract/krea/schema";
import {
  buildWorkflowBody,
  STUDIO_TAG,
  type KreaWorkflowBody,
} from "@/lib/contract/krea/workflow-body";
import type { Generation } from "@/lib/contract/generations/types";

export const ORCHESTRATOR_SUBMIT_URL =
  "https://orchestration.civitai.com/v2/consumer/workflows?wait=0";
/** Expanded by the shell from the designer's environment; the studio never prints a token. */
export const TOKEN_PLACEHOLDER = "$CIVITAI_TOKEN";

function bodyWithTags(input: KreaInput & { seed: number }, g: Generation): KreaWorkflowBody {
  const options = { metadata: g.metadata, tags: g.tags.filter((t) => t !== STUDIO_TAG) };
  try {
    return buildWorkflowBody(input, options);
  } catch {
    // Tags beyond the orchestrator's limits cannot have been sent; show the body without them.
    return buildWorkflowBody(input, { metadata: g.metadata });
  }
}

/** The workflow body, or null when the generation has no readable Krea input or seed. */
export function workflowBodyFor(g: Generation): KreaWorkflowBody | null {
  const input = g.input;
  if (!input || typeof input.seed !== "number") return null;
  return bodyWithTags({ ...input, seed: input.seed }, g);
}

/** Single-quotes a string for POSIX shells: ' becomes '\''. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export interface ApiRequestText {
  json: string;
  curl: string;
}

export function apiRequestText(g: Generation): ApiRequestText | null {
  const body = workflowBodyFor(g);
  if (!body) return null;
  const json = JSON.stringify(body, null, 2);
  const curl = [
    `curl -X POST ${shellQuote(ORCHESTRATOR_SUBMIT_URL)}`,
    // Double quotes so the shell expands the variable; single quotes would send it literally.
    `  -H "Authorization: Bearer ${TOKEN_PLACEHOLDER}"`,
    `  -H 'Content-Type: application/json'`,
    `  -d ${shellQuote(json)}`,
  ].join(" \\\n");
  return { json, curl };
}
