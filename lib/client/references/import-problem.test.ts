import { describe, expect, it } from "vitest";
import { importProblem, placeInFile, retiredNote } from "./import-problem";

const exportFile = {
  format: "krea-studio.style-sets",
  version: 2,
  sets: [{ name: "Noir", references: [{ imageUrl: "https://x.test/a.png", strength: 3 }] }],
};

describe("importProblem", () => {
  it("says in words that a JSON file is not an export, not which key is wrong", () => {
    const p = importProblem({ colours: [] }, "palette.json", {
      detail: 'Nothing was imported: format: format must be "krea-studio.style-sets".',
      fieldErrors: {
        format: ['format must be "krea-studio.style-sets": this is not a style set export'],
      },
    });
    expect(p.title).toBe("“palette.json” is not a style-set export from Krea Prompt Studio.");
    expect([p.title, ...p.items].join(" ")).not.toMatch(/format must|krea-studio\./);
  });

  it("tells a file without a version from one made by a newer studio", () => {
    const refusal = {
      detail: "Nothing was imported.",
      fieldErrors: {
        version: ["version must be 1 or 2: this file comes from a newer or unknown studio"],
      },
    };
    const { version: _v, ...unversioned } = exportFile;
    const missing = importProblem(unversioned, "edited.json", refusal);
    expect(missing.title).toMatch(/^“edited.json” does not say which export version it is/);
    expect(missing.title).not.toMatch(/newer/);
    const newer = importProblem({ ...exportFile, version: 3 }, "next.json", refusal);
    expect(newer.title).toMatch(/exported by a newer Krea Prompt Studio \(export version 3\)/);
    const odd = importProblem({ ...exportFile, version: "2" }, "odd.json", refusal);
    expect(odd.title).toBe('“odd.json” has an export version this studio does not know ("2").');
  });

  it("names the set and reference of any other problem, not a JSON path", () => {
    const p = importProblem(exportFile, "bad.json", {
      detail: "Nothing was imported: sets[0].references[0].strength: strength out of range.",
      fieldErrors: { "sets[0].references[0].strength": ["strength out of range"] },
    });
    expect(p.title).toBe("“bad.json” has a problem: fix it and import again.");
    expect(p.items).toEqual(["Set 1 “Noir”, reference 1, strength: strength out of range"]);
  });
});

describe("placeInFile", () => {
  it("reads a path as places a designer can find", () => {
    expect(placeInFile("sets[1].history[0].name", { sets: [] })).toBe(
      "Set 2, history entry 1, name",
    );
    expect(placeInFile("file", null)).toBe("The file");
  });
});

describe("retiredNote", () => {
  it("says which imported sets arrive retired and what that means", () => {
    expect(retiredNote([{ name: "Noir (imported)", status: "retired" }])).toBe(
      "“Noir (imported)” is retired, as in the file, so it stays out of the builder's picker until set back to draft.",
    );
    expect(
      retiredNote([
        { name: "A", status: "retired" },
        { name: "B", status: "draft" },
        { name: "C", status: "retired" },
      ]),
    ).toMatch(/^“A”, “C” are retired, as in the file, so they stay out/);
    expect(retiredNote([{ name: "B", status: "approved" }])).toBeNull();
  });
});
