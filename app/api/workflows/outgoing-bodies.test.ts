// Every workflow body the studio sends upstream conforms to the orchestrator's
// own spec. Inputs are generated, checked by the form's checker (what the
// builder lets through), turned into every kind of plan the studio makes
// (Generate, Reuse, Compare, both sweeps, Try on other tier, Remix, Rerun, the
// estimate's whatif), posted by the browser's own submit code into the real
// route handlers, and the bodies are captured where they leave the server (at
// fetch). ajv, not the studio's zod schema, judges them against the spec's
// WorkflowTemplate and Krea2CreateFalImageGenInput (and UpdateWorkflowRequest
// for the pairing update), so the studio cannot agree with itself by construction.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postSubmit } from "@/lib/client/builder/submit-retry";
import { newPendingSubmit } from "@/lib/client/builder/pending-submits";
import type { SubmitAccount } from "@/lib/contract/api";
import {
  planCompare,
  planCreativitySweep,
  planGenerate,
  planRepeat,
  planStrengthSweep,
  planTierTry,
  type SubmitPlan,
} from "@/lib/client/builder/submit-plans";
import type { Generation } from "@/lib/contract/generations/types";
import { checkKreaInput } from "@/lib/contract/krea/check";
import { closeEngine } from "@/lib/engine/get-engine";
import { specErrors } from "@/lib/engine/testing/spec-validator";
import { accountOf } from "@/lib/server/orchestrator/account";
import { resolveTarget } from "@/lib/server/orchestrator/target";
import { closeStyleSetStores, getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { POST as estimate } from "../estimate/route";
import { POST as submit } from "./route";

vi.hoisted(() => {
  process.env.STUDIO_RATE_LIMIT = "off";
});

const ORIGIN = "http://127.0.0.1:3000";
const RUNS = Number(process.env.BODY_RUNS || 40);

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

let env: StudioApiEnv;
let sent: Sent[] = [];
let styleSet: { id: string; version: number };
const realFetch = globalThis.fetch;

async function bodyOf(input: RequestInfo | URL, init?: RequestInit): Promise<unknown> {
  const text =
    input instanceof Request
      ? await input.clone().text()
      : typeof init?.body === "string"
        ? init.body
        : "";
  return text === "" ? undefined : JSON.parse(text);
}

beforeAll(async () => {
  env = await startStudioApiEnv();
  account = accountOf(await resolveTarget(null));
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(env.engine.url)) {
      const method = (input instanceof Request ? input.method : init?.method) ?? "GET";
      if (method !== "GET") {
        sent.push({ method, path: new URL(url).pathname, body: await bodyOf(input, init) });
      }
    }
    return realFetch(input, init);
  });
  styleSet = await getStyleSetStore().create({ name: "Bodies", note: "", references: [] });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await closeStyleSetStores();
  await closeEngine();
  await env.close();
});

/** the account the submits are made for: the one this studio uses */
let account: SubmitAccount;

/** The browser's submit code, its fetch pointed at the route handler. */
const toRoute: typeof fetch = (url, init) =>
  submit(new Request(new URL(String(url), ORIGIN), init), {});

async function sendPlan(plan: SubmitPlan, withSet: boolean): Promise<(Generation | null)[]> {
  return Promise.all(
    plan.members.map(async (m) => {
      const entry = newPendingSubmit(m.input, Date.now(), {
        account,
        context: m.context,
        styleSet: withSet ? styleSet : null,
      });
      return postSubmit(entry, { fetch: toRoute }).catch(() => null);
    }),
  );
}

// Wide on purpose: the form's checker decides what is sent, not this arbitrary.
const reference = fc.record({
  imageUrl: fc.oneof(
    fc.webUrl({ validSchemes: ["https"], withQueryParameters: true }),
    fc.constantFrom("https://images.example.com/ref.png", "http://cdn.example.org/a%20b.webp"),
  ),
  strength: fc.oneof(fc.double({ min: -2, max: 2, noNaN: true }), fc.constantFrom(-2, -1, 0, 1, 2)),
});
const formInput = fc.record(
  {
    prompt: fc.oneof(
      fc.string({ minLength: 1, maxLength: 120, unit: "grapheme" }),
      fc.constant("p".repeat(5000)),
    ),
    size: fc.constantFrom("medium", "large"),
    aspectRatio: fc.constantFrom("1:1", "4:3", "3:2", "16:9", "2.35:1", "4:5", "2:3", "9:16"),
    creativity: fc.constantFrom("raw", "low", "medium", "high"),
    quantity: fc.integer({ min: 1, max: 10 }),
    seed: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 2 ** 31, max: 2 ** 32 - 1 }),
      fc.constantFrom(0, 2_147_483_647, 2_147_483_648, 4_294_967_295),
    ),
    imageStyleReferences: fc.array(reference, { maxLength: 10 }),
  },
  { requiredKeys: ["prompt"] },
);

function conformance(s: Sent): string[] {
  if (s.method === "POST" && s.path === "/v2/consumer/workflows") {
    const errors = specErrors("WorkflowTemplate", s.body);
    const steps = (s.body as { steps?: { input?: unknown }[] } | undefined)?.steps ?? [];
    for (const step of steps) errors.push(...specErrors("Krea2CreateFalImageGenInput", step.input));
    return errors;
  }
  if (/^\/v2\/consumer\/workflows\/[^/]+$/.test(s.path) && s.method === "PUT") {
    return specErrors("UpdateWorkflowRequest", s.body);
  }
  // POST …/tags takes one tag as a JSON string (the spec's requestBody: { type: string }).
  if (/^\/v2\/consumer\/workflows\/[^/]+\/tags$/.test(s.path) && s.method === "POST") {
    return typeof s.body === "string" && s.body.length > 0 ? [] : ["a tag must be a JSON string"];
  }
  if (s.method === "DELETE" && s.body === undefined) return [];
  return [`a ${s.method} ${s.path} nobody expected`];
}

describe("workflow bodies the studio sends", () => {
  it("conform to the spec's WorkflowTemplate and Krea2CreateFalImageGenInput for every kind of submit", async () => {
    const kinds = new Map<string, number>();
    let bodies = 0;
    await fc.assert(
      fc.asyncProperty(
        formInput,
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 6 }),
        async (raw, withSet, reuse, strengths) => {
          const checked = checkKreaInput(raw);
          if (!checked.ok) return; // the form refuses it: nothing is sent
          sent = [];
          const input = checked.value;
          const count = (kind: string) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1);

          const parent = reuse ? { id: "wf_parent_for_reuse", kind: "reuse" as const } : undefined;
          const [first] = await sendPlan(planGenerate(input, parent), withSet);
          count(reuse ? "reuse" : "generate");
          await sendPlan(planCompare(input), withSet);
          count("compare");
          await sendPlan(planCreativitySweep(input), withSet);
          count("creativity sweep");
          if (input.imageStyleReferences.length > 0) {
            await sendPlan(planStrengthSweep(input, 0, strengths), withSet);
            count("strength sweep");
          }
          if (first) {
            for (const plan of [
              planTierTry(first),
              planRepeat(first, "remix"),
              planRepeat(first, "rerun"),
            ]) {
              if (plan) {
                await sendPlan(plan, false);
                count(plan.kind);
              }
            }
          }
          await estimate(
            new Request(`${ORIGIN}/api/estimate`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(input),
            }),
            {},
          );
          count("estimate (whatif)");

          for (const s of sent) {
            bodies++;
            expect(
              conformance(s),
              `${s.method} ${s.path} ${JSON.stringify(s.body).slice(0, 400)}`,
            ).toEqual([]);
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.BODY_SEED) || undefined },
    );
    console.log(
      `outgoing bodies: ${bodies} checked against the spec; plans ${JSON.stringify(Object.fromEntries(kinds))}`,
    );
    expect(bodies).toBeGreaterThan(RUNS * 5);
    for (const kind of [
      "generate",
      "compare",
      "creativity sweep",
      "strength sweep",
      "tier",
      "remix",
      "rerun",
    ]) {
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  }, 240_000);
});
