import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillTemplate, GROUP_VALUES_MAX, parsePromptTemplate } from "./alternations";

function expand(text: string): string[] {
  const parsed = parsePromptTemplate(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const { template } = parsed;
  // Every combination, first group slowest.
  let combos: number[][] = [[]];
  for (const values of template.groups) {
    combos = combos.flatMap((c) => values.map((_, i) => [...c, i]));
  }
  return combos.map((c) => fillTemplate(template, c));
}

describe("parsePromptTemplate", () => {
  it("makes one group per top-level {…}", () => {
    const parsed = parsePromptTemplate("a {red|blue} car on {sand|snow}");
    expect(parsed.ok && parsed.template.groups).toEqual([
      ["red", "blue"],
      ["sand", "snow"],
    ]);
    expect(expand("a {red|blue} car on {sand|snow}")).toEqual([
      "a red car on sand",
      "a red car on snow",
      "a blue car on sand",
      "a blue car on snow",
    ]);
  });

  it("expands nested groups inside their option", () => {
    const parsed = parsePromptTemplate("{a {big|small} dog|cat} at noon");
    expect(parsed.ok && parsed.template.groups).toEqual([["a big dog", "a small dog", "cat"]]);
  });

  it("reads escapes as literal characters", () => {
    expect(expand("a \\{not a group\\} {x\\|y|z}")).toEqual([
      "a {not a group} x|y",
      "a {not a group} z",
    ]);
    expect(expand("back\\\\slash {a|b}")).toEqual(["back\\slash a", "back\\slash b"]);
  });

  it("allows an empty option and closes the gap it leaves", () => {
    expect(expand("a {big|} dog")).toEqual(["a big dog", "a dog"]);
    expect(expand("{|red} car")).toEqual(["car", "red car"]);
  });

  it("says where a brace is wrong", () => {
    expect(parsePromptTemplate("a {red|blue car")).toMatchObject({ ok: false, at: 2 });
    expect(parsePromptTemplate("a red} car")).toMatchObject({ ok: false, at: 5 });
    const one = parsePromptTemplate("a {red} car");
    expect(one.ok || one.message).toMatch(/one option/);
    const dup = parsePromptTemplate("{red|red}");
    expect(dup.ok || dup.message).toMatch(/twice/);
  });

  it("refuses a group that expands past the cell cap before building it all", () => {
    const big = `{${"{a|b}".repeat(7)}|c}`; // 2^7 = 128 options in one branch
    const parsed = parsePromptTemplate(big);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok || parsed.message).toContain(String(GROUP_VALUES_MAX));
  });

  // Plain text (no syntax characters) survives as is, and a group of distinct
  // plain options yields exactly those options in order.
  const plain = fc.stringMatching(/^[a-z ]{0,12}$/);
  it("keeps text without braces as it is (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]+( [a-z]+)*$/), (text) => {
        expect(expand(text)).toEqual([text]);
      }),
    );
  });

  it("expands a group to its options, escaped or not (property)", () => {
    const option = fc.stringMatching(/^[a-z{}|\\]{0,6}$/);
    const escape = (s: string) => s.replace(/[\\{}|]/g, (c) => `\\${c}`);
    fc.assert(
      fc.property(
        plain,
        fc.uniqueArray(option, { minLength: 2, maxLength: 6 }),
        plain,
        (pre, options, post) => {
          const parsed = parsePromptTemplate(
            `${escape(pre)}{${options.map(escape).join("|")}}${escape(post)}`,
          );
          if (!parsed.ok) throw new Error(parsed.message);
          expect(parsed.template.groups).toEqual([options]);
          options.forEach((o, i) => {
            expect(fillTemplate(parsed.template, [i])).toBe(
              `${pre}${o}${post}`.replace(/ {2,}/g, " ").trim(),
            );
          });
        },
      ),
    );
  });

  it("the number of prompts is the product of the groups' sizes (property)", () => {
    const word = fc.stringMatching(/^[a-z]{1,4}$/);
    const group = fc.uniqueArray(word, { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 3 }), (groups) => {
        const text = groups.map((g) => `{${g.join("|")}}`).join(" ");
        const prompts = expand(text);
        expect(prompts.length).toBe(groups.reduce((n, g) => n * g.length, 1));
        expect(new Set(prompts).size).toBe(prompts.length);
      }),
    );
  });
});
