import { test as base } from "@playwright/test";
import { StudioPage } from "./studio-page";
import { extraPort, StudioServer, testDataDir } from "./studio-server";

export { expect } from "@playwright/test";

/**
 * `test` against a studio server of this worker's own: the gallery specs fill
 * the history, and the shared server's empty-state checks must not see that.
 */
export const test = base.extend<{ studio: StudioPage }, { galleryServer: StudioServer }>({
  galleryServer: [
    async ({}, provide, workerInfo) => {
      const server = await StudioServer.launch({
        port: extraPort(1 + workerInfo.parallelIndex),
        dataDir: testDataDir(`gallery-${workerInfo.parallelIndex}`),
      });
      await provide(server);
      await server.dispose();
    },
    { scope: "worker", timeout: 60_000 },
  ],
  baseURL: async ({ galleryServer }, provide) => {
    await provide(galleryServer.url);
  },
  studio: async ({ page }, provide) => {
    await provide(new StudioPage(page));
  },
});
