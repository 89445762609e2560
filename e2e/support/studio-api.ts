import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import type { Generation } from "../../lib/contract/generations/types";

/** A prompt no other test or run shares, so cards are found unambiguously. */
export function uniquePrompt(text: string): string {
  return `${text} ${randomUUID().slice(0, 8)}`;
}

/**
 * Submits through the studio's own API, as the builder does. `wait` lets the
 * studio hold the request until the generation is done (fast engine: 1–3 s);
 * `links` are the submit's link parameters (`pair`, `parent`, …).
 */
export async function createGeneration(
  request: APIRequestContext,
  input: Record<string, unknown>,
  { wait = 0, links = {} }: { wait?: number; links?: Record<string, string> } = {},
): Promise<Generation> {
  const query = new URLSearchParams({ wait: String(wait), ...links });
  const response = await request.post(`/api/workflows?${query}`, {
    headers: { "Idempotency-Key": `e2e-${randomUUID()}` },
    data: input,
  });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

export async function cancelGeneration(request: APIRequestContext, id: string): Promise<void> {
  const response = await request.delete(`/api/workflows/${id}`);
  expect(response.ok(), await response.text()).toBe(true);
}
