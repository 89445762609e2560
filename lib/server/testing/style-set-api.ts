// What the style-set route tests share: the studio's API started for the file,
// its base URL and a public reference to put in a set.
import { afterAll, beforeAll } from "vitest";
import { closeStyleSetStores } from "@/lib/server/style-sets/get-store";
import { startStudioApiEnv, type StudioApiEnv } from "./studio-api";

export const STYLE_SETS_URL = "http://127.0.0.1:3000/api/style-sets";

/** A public image reference (number n) at a strength. */
export const testReference = (n: number, strength = 1) => ({
  imageUrl: `https://images.example/${n}.png`,
  strength,
});

/** Starts the studio's API (embedded engine, own data dir) for this test file; closes it and the style-set stores after. */
export function startStyleSetApiForFile(): void {
  let env: StudioApiEnv | undefined;
  beforeAll(async () => {
    env = await startStudioApiEnv();
  });
  afterAll(async () => {
    await closeStyleSetStores();
    await env?.close();
  });
}
