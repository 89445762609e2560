// The shape of components/ (README "How it works"): buttons come from
// components/ui/button.tsx, and no component file or feature folder imports
// itself back through another.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, spec: string, files: Set<string>): string | null {
  const base = spec.startsWith("@/")
    ? spec.slice(2)
    : spec.startsWith(".")
      ? path.posix.join(path.posix.dirname(from), spec)
      : null;
  if (!base) return null;
  return [".tsx", ".ts"].map((ext) => base + ext).find((f) => files.has(f)) ?? null;
}

function graph(): Map<string, string[]> {
  const files = sourceFiles("components");
  const known = new Set(files);
  return new Map(
    files.map((f) => {
      const text = readFileSync(path.join(ROOT, f), "utf8");
      const deps = [...text.matchAll(IMPORT)]
        .map((m) => resolve(f, m[1] ?? m[2] ?? "", known))
        .filter((d): d is string => d !== null);
      return [f, deps];
    }),
  );
}

/** Every node that can reach itself again. */
function inCycles(edges: Map<string, string[]>): string[] {
  const reach = (start: string) => {
    const seen = new Set<string>();
    const stack = [...(edges.get(start) ?? [])];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === start) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(edges.get(n) ?? []));
    }
    return false;
  };
  return [...edges.keys()].filter(reach);
}

describe("components/", () => {
  it("has no file import cycle", () => {
    expect(inCycles(graph())).toEqual([]);
  });

  it("has no feature-folder import cycle", () => {
    const folders = new Map<string, string[]>();
    for (const [file, deps] of graph()) {
      const from = path.posix.dirname(file);
      const to = deps.map((d) => path.posix.dirname(d)).filter((d) => d !== from);
      folders.set(from, [...(folders.get(from) ?? []), ...to]);
    }
    expect(inCycles(folders)).toEqual([]);
  });

  it("draws every button with the Button primitive", () => {
    const raw = [...sourceFiles("components"), ...sourceFiles("app")].filter(
      (f) =>
        f !== "components/ui/button.tsx" &&
        /<button[\s>]/.test(readFileSync(path.join(ROOT, f), "utf8")),
    );
    expect(raw).toEqual([]);
  });
});
