import { expect, test } from "@playwright/test";
import {
  RECIPE_LARGE,
  RECIPE_MEDIUM,
  RECIPE_STYLE_REFERENCES,
} from "../lib/engine/testing/recipe-bodies";

// The embedded engine under `npm start` (not a test server): the recipe's own
// request bodies, sent the way any orchestrator client sends them.
test("the embedded engine runs the recipe's examples under npm start", async ({ request }) => {
  const headers = { authorization: "Bearer e2e-recipe", "content-type": "application/json" };
  for (const body of [RECIPE_MEDIUM, RECIPE_LARGE, RECIPE_STYLE_REFERENCES]) {
    const submitted = await request.post("/api/local-engine/v2/consumer/workflows?wait=30", {
      headers,
      data: body,
    });
    expect(submitted.status()).toBe(200);
    const workflow = await submitted.json();
    expect(workflow.status).toBe("succeeded");
    const image = workflow.steps[0].output.images[0];
    expect(image).toMatchObject({ type: "image", available: true });
    const bytes = await request.get(image.url);
    expect(bytes.status()).toBe(200);
    expect(bytes.headers()["content-type"]).toBe("image/jpeg");
  }
});

test("the studio's API reports the local engine", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(await health.json()).toMatchObject({
    ok: true,
    engine: "local",
    label: "Local engine",
    orchestrator: { state: "closed" },
  });
});
