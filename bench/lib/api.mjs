// Talking to the studio and its engine from the bench, the way clients do.
import { randomUUID } from "node:crypto";

export const LOCAL_TOKEN = "local-studio";

export async function submit(studioUrl, input, { wait = 0 } = {}) {
  const res = await fetch(`${studioUrl}/api/workflows?wait=${wait}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": randomUUID(),
      origin: studioUrl,
    },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
  return res.json();
}

export async function engineStats(engineBase) {
  const res = await fetch(`${engineBase}/_engine/stats`, {
    headers: { authorization: `Bearer ${LOCAL_TOKEN}` },
  });
  return res.json();
}

export async function engineWorkflow(engineBase, id) {
  const res = await fetch(`${engineBase}/v2/consumer/workflows/${id}`, {
    headers: { authorization: `Bearer ${LOCAL_TOKEN}` },
  });
  return res.json();
}

/** Submits straight to an engine (seeding history), as the studio would, with its tag. */
export async function engineSubmit(engineBase, input, { token = LOCAL_TOKEN, wait = 0 } = {}) {
  const res = await fetch(`${engineBase}/v2/consumer/workflows?wait=${wait}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      steps: [
        {
          $type: "imageGen",
          input: { engine: "fal", model: "krea2", operation: "createImage", ...input },
        },
      ],
      tags: ["krea-studio"],
      metadata: { app: "krea-prompt-studio", prompt: input.prompt },
      currencies: [],
    }),
  });
  if (!res.ok) throw new Error(`engine submit answered ${res.status}: ${await res.text()}`);
  return res.json();
}
