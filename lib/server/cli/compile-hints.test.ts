// The build step that marks the framework's chunks for eager compiling: the hint
// is the first line, maps still point at the same code, and a second run changes nothing.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "./compile-hints.mjs";

function fakeBuild() {
  const dist = mkdtempSync(path.join(tmpdir(), "hints-"));
  mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  const chunk = (name: string, map: object) => {
    writeFileSync(
      path.join(dist, "static", "chunks", name),
      `console.log(1)\n//# sourceMappingURL=${name}.map`,
    );
    writeFileSync(path.join(dist, "static", "chunks", `${name}.map`), JSON.stringify(map));
  };
  chunk("framework.js", { version: 3, sources: ["a.js"], names: [], mappings: "AAAA" });
  chunk("runtime.js", {
    version: 3,
    sections: [{ offset: { line: 0, column: 0 }, map: { version: 3, mappings: "AAAA" } }],
  });
  chunk("page.js", { version: 3, sources: ["p.js"], names: [], mappings: "AAAA" });
  writeFileSync(
    path.join(dist, "build-manifest.json"),
    JSON.stringify({ rootMainFiles: ["static/chunks/framework.js", "static/chunks/runtime.js"] }),
  );
  const read = (name: string) => readFileSync(path.join(dist, "static", "chunks", name), "utf8");
  return { dist, read };
}

describe("addCompileHints", () => {
  it("puts the hint first in every framework chunk and moves their maps down one line", () => {
    const { dist, read } = fakeBuild();
    expect(addCompileHints(dist)).toBe(2);
    expect(read("framework.js")).toBe(
      `${COMPILE_HINT}console.log(1)\n//# sourceMappingURL=framework.js.map`,
    );
    expect(JSON.parse(read("framework.js.map")).mappings).toBe(";AAAA");
    expect(JSON.parse(read("runtime.js.map")).sections[0].offset).toEqual({ line: 1, column: 0 });
    // A page's own chunk is left as it was.
    expect(read("page.js").startsWith("//# allFunctionsCalledOnLoad")).toBe(false);
  });

  it("changes nothing when run again", () => {
    const { dist, read } = fakeBuild();
    addCompileHints(dist);
    const before = [read("framework.js"), read("framework.js.map"), read("runtime.js.map")];
    expect(addCompileHints(dist)).toBe(0);
    expect([read("framework.js"), read("framework.js.map"), read("runtime.js.map")]).toEqual(
      before,
    );
  });

  it("refuses a build whose manifest lists no framework chunks", () => {
    const { dist } = fakeBuild();
    writeFileSync(path.join(dist, "build-manifest.json"), "{}");
    expect(() => addCompileHints(dist)).toThrow(/rootMainFiles/);
  });
});
