import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { apiRequestText, shellQuote, TOKEN_PLACEHOLDER, workflowBodyFor } from "./api-request";
import { makeGeneration } from "@/lib/contract/generations/fixtures";

describe("workflowBodyFor", () => {
  it("rebuilds the exact body without the externalId", () => {
    const g = makeGeneration({ metadata: { app: "krea-prompt-studio", parentId: "wf_0" } });
    const body = workflowBodyFor(g);
    expect(body).toEqual({
      steps: [
        {
          $type: "imageGen",
          input: {
            engine: "fal",
            model: "krea2",
            operation: "createImage",
            prompt: "a lighthouse at dusk",
            size: "medium",
            aspectRatio: "1:1",
            creativity: "medium",
            quantity: 1,
            seed: 42,
            imageStyleReferences: [],
          },
        },
      ],
      tags: ["krea-studio"],
      metadata: { app: "krea-prompt-studio", parentId: "wf_0" },
      currencies: [],
    });
    expect(body).not.toHaveProperty("externalId");
  });

  it("is null without a readable input or seed", () => {
    expect(workflowBodyFor(makeGeneration({ input: null }))).toBeNull();
    const g = makeGeneration();
    expect(workflowBodyFor({ ...g, input: { ...g.input!, seed: null } })).toBeNull();
  });
});

describe("apiRequestText", () => {
  const prompt = `it's a "quoted" $HOME \`tick\` prompt`;
  const g = makeGeneration({ input: { ...makeGeneration().input!, prompt } });
  const text = apiRequestText(g)!;

  it("prints a token placeholder, never a token", () => {
    expect(text.curl).toContain(`Authorization: Bearer ${TOKEN_PLACEHOLDER}`);
    expect(text.curl).not.toMatch(/local-studio/);
    expect(text.curl).toContain("https://orchestration.civitai.com/v2/consumer/workflows?wait=0");
  });

  it("passes the JSON body through a POSIX shell unchanged", () => {
    // Ask a real shell what the -d argument becomes.
    const dArg = text.curl.slice(text.curl.indexOf("-d ") + 3);
    const echoed = execFileSync("sh", ["-c", `printf %s ${dArg}`], { encoding: "utf8" });
    expect(JSON.parse(echoed)).toEqual(JSON.parse(text.json));
    expect(JSON.parse(echoed).steps[0].input.prompt).toBe(prompt);
  });

  it("quotes single quotes for the shell", () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});
