// The shape of lib/ (README "How it works"): four runtime folders, boundaries
// that lint enforces, no import cycles between domain folders, and a
// "server-only" marker on every server module.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const LIB = path.join(ROOT, "lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** "lib/client/builder/draft.ts" → "lib/client/builder"; files at a runtime's top count as its folder. */
function folderOf(file: string): string {
  const parts = file.split("/");
  return parts.length > 3 ? parts.slice(0, 3).join("/") : parts.slice(0, 2).join("/");
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? "";
    if (spec.startsWith("@/")) out.push(spec.slice(2));
    else if (spec.startsWith(".")) out.push(path.posix.join(path.posix.dirname(file), spec));
  }
  return out.filter((target) => target.startsWith("lib/"));
}

/** Strongly connected groups of more than one folder (Tarjan). */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe("lib/ layout", () => {
  const files = sourceFiles(LIB).filter((f) => !/\.test\.tsx?$/.test(f));

  it("has exactly the four runtime folders", () => {
    const top = readdirSync(LIB, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(top).toEqual(["client", "contract", "engine", "server"]);
  });

  it("has no import cycle between folders", () => {
    const edges = new Map<string, Set<string>>();
    for (const file of files) {
      const from = folderOf(file);
      const set = edges.get(from) ?? new Set<string>();
      edges.set(from, set);
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to !== from) set.add(to);
      }
    }
    expect(edges.size).toBeGreaterThan(15);
    expect(folderCycles(edges)).toEqual([]);
  });

  it("finds a cycle when there is one (the check can fail)", () => {
    const edges = new Map([
      ["lib/client/a", new Set(["lib/client/b"])],
      ["lib/client/b", new Set(["lib/client/c"])],
      ["lib/client/c", new Set(["lib/client/a"])],
      ["lib/client/d", new Set(["lib/client/a"])],
    ]);
    expect(folderCycles(edges)).toEqual([["lib/client/a", "lib/client/b", "lib/client/c"]]);
  });

  it('marks every server module "server-only"', () => {
    const unmarked = files.filter(
      (f) =>
        f.startsWith("lib/server/") &&
        !f.includes("/testing/") &&
        !/^import "server-only";$/m.test(readFileSync(path.join(ROOT, f), "utf8")),
    );
    expect(unmarked).toEqual([]);
  });
});

describe("lint boundaries", { timeout: 60_000 }, () => {
  const eslint = new ESLint({ cwd: ROOT });
  const messagesFor = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };
  const cases: [string, string, string][] = [
    [
      "lib/client/builder/x.ts",
      `import { route } from "@/lib/server/http/route";`,
      "browser → server",
    ],
    [
      "lib/client/builder/x.ts",
      `import { createEngine } from "@/lib/engine/engine";`,
      "browser → engine",
    ],
    [
      "lib/server/http/x.ts",
      `import { apiFetch } from "@/lib/client/platform/api-client";`,
      "server → browser",
    ],
    [
      "lib/contract/krea/x.ts",
      `import { route } from "@/lib/server/http/route";`,
      "contract → server",
    ],
    ["lib/contract/krea/x.ts", `import { useState } from "react";`, "contract → react"],
    [
      "lib/engine/x.ts",
      `import { kreaInputSchema } from "@/lib/contract/krea/schema";`,
      "engine → studio",
    ],
    [
      "lib/engine/x.ts",
      `import { kreaInputSchema } from "../contract/krea/schema";`,
      "engine → studio (relative)",
    ],
  ];
  it.each(cases)("refuses %s importing %s (%s)", async (filePath, code) => {
    expect(await messagesFor(filePath, `${code}\nexport const x = 1;\n`)).toContain(
      "no-restricted-imports",
    );
  });

  it("refuses a client component importing a server module", async () => {
    const code = `"use client";\nimport { route } from "@/lib/server/http/route";\nexport const x = route;\n`;
    expect(await messagesFor("components/builder/x.tsx", code)).toContain("studio/client-imports");
    const typeOnly = `"use client";\nimport type { OrchestratorTarget } from "@/lib/server/orchestrator/target";\nexport type X = OrchestratorTarget;\n`;
    expect(await messagesFor("components/builder/x.tsx", typeOnly)).toContain(
      "studio/client-imports",
    );
  });

  it("lets each runtime import the contract", async () => {
    for (const filePath of ["lib/client/builder/x.ts", "lib/server/http/x.ts"]) {
      const code = `import { kreaInputSchema } from "@/lib/contract/krea/schema";\nexport const x = kreaInputSchema;\n`;
      expect(await messagesFor(filePath, code)).toEqual([]);
    }
  });
});
