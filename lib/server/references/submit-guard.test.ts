import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/http/problem";
import { embeddedEngineUrl, type OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { assertReferencesAllowed } from "./submit-guard";

const local: OrchestratorTarget = {
  kind: "local",
  baseUrl: embeddedEngineUrl(),
  token: "t",
  source: "local",
};
const civitai: OrchestratorTarget = {
  kind: "civitai",
  baseUrl: "https://orchestration.civitai.com",
  token: "t",
  source: "env",
};

function refusal(target: OrchestratorTarget, urls: string[]): AppError {
  try {
    assertReferencesAllowed(
      target,
      urls.map((imageUrl) => ({ imageUrl })),
    );
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("assertReferencesAllowed", () => {
  it("refuses private and odd-spelled addresses, naming each bad row", () => {
    const error = refusal(civitai, [
      "https://images.example/ok.png",
      "http://169.254.169.254/latest/meta-data/",
      "http://0x7f.1/a.png",
      "http://localhost:3000/a.png",
    ]);
    expect(error.status).toBe(400);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([
      "imageStyleReferences.1.imageUrl",
      "imageStyleReferences.2.imageUrl",
      "imageStyleReferences.3.imageUrl",
    ]);
    expect(error.fieldErrors?.["imageStyleReferences.1.imageUrl"]?.[0]).toMatch(/cloud metadata/);
  });

  it("lets the target's own signed blob URLs through, and only those", () => {
    const own = `${embeddedEngineUrl()}/v2/consumer/blobs/content/abc.def`;
    expect(() => assertReferencesAllowed(local, [{ imageUrl: own }])).not.toThrow();
    // The same loopback URL is not the Civitai target's own: refused there.
    expect(refusal(civitai, [own]).fieldErrors).toHaveProperty(["imageStyleReferences.0.imageUrl"]);
    // Another path on the engine's origin is not a blob URL, however it is spelled.
    expect(refusal(local, [`${embeddedEngineUrl()}/../admin`]).status).toBe(400);
    expect(refusal(local, [`${embeddedEngineUrl()}/v2/consumer/blobs/../../../x`]).status).toBe(
      400,
    );
  });

  it("accepts public URLs without any DNS lookup", () => {
    expect(() =>
      assertReferencesAllowed(civitai, [{ imageUrl: "https://no-such-host.example/a.png" }]),
    ).not.toThrow();
  });
});
