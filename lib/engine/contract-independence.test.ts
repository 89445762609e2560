// The engine is an independent implementation of the spec (issue: "the engine
// is built from the studio's own code"): it imports nothing outside its folder,
// accepts what the spec accepts even where the studio's form is stricter, and
// prices from its own table. Checks that hold by construction would hide the
// differences this engine exists to catch.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEngine, type TestEngine } from "./testing/harness";
import { kreaBody } from "./testing/recipe-bodies";
import { parseSpec } from "./testing/spec-validator";
import type { Workflow } from "./types";

const ENGINE_DIR = path.dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.destroy();
});

async function whatif(input: Record<string, unknown>) {
  const res = await t.raw("/v2/consumer/workflows?whatif=true", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(kreaBody(input)),
  });
  return { status: res.status, body: await res.json() };
}

describe("independence from the studio", () => {
  it("imports nothing from outside lib/engine", () => {
    const leaving: string[] = [];
    for (const file of sourceFiles(ENGINE_DIR)) {
      for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const target = match[1] ?? match[2] ?? "";
        const local = target.startsWith(".");
        const inside = path.resolve(path.dirname(file), target).startsWith(ENGINE_DIR + path.sep);
        if (target.startsWith("@/") || (local && !inside)) {
          leaving.push(`${path.relative(ENGINE_DIR, file)} → ${target}`);
        }
      }
    }
    expect(leaving).toEqual([]);
  });

  it("accepts the spec's Krea fields the studio never sends (outputFormat, imageMetadata)", async () => {
    const { status, body } = await whatif({ outputFormat: "png", imageMetadata: "from a test" });
    expect(status).toBe(200);
    expect(parseSpec<Workflow>("Workflow", body).steps[0]!.input).toMatchObject({
      outputFormat: "png",
      imageMetadata: "from a test",
    });
  });

  it("prices from the recipe's table: 39 / 78 per image, +6.5 with references", async () => {
    const refs = [{ imageUrl: "https://a.example/1.png" }, { imageUrl: "https://a.example/2.png" }];
    const cases: [Record<string, unknown>, number, number][] = [
      [{ size: "medium", quantity: 3 }, 39, 117],
      [{ size: "large", quantity: 2 }, 78, 156],
      [{ size: "medium", quantity: 1, imageStyleReferences: refs }, 45.5, 46],
      [{ size: "large", quantity: 3, imageStyleReferences: refs }, 84.5, 254],
    ];
    for (const [input, perImage, total] of cases) {
      const { body } = await whatif(input);
      const workflow = parseSpec<Workflow>("Workflow", body);
      expect(workflow.steps[0]!.jobs.map((j) => j.cost)).toEqual(
        Array.from({ length: Number(input.quantity) }, () => perImage),
      );
      expect(workflow.cost.total).toBe(total);
    }
  });

  it("checks seeds against the spec's int32, not the studio's range", async () => {
    expect((await whatif({ seed: 2_147_483_647 })).status).toBe(200);
    const refused = await whatif({ seed: 2_147_483_648 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors["steps[0].input.seed"]).toEqual([
      "seed must be a whole number from 0 to 2147483647 (int32)",
    ]);
  });
});
