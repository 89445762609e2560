// Figure 7: the embedded engine on its own: images rendered per second and its
// peak memory, for capacity notes. Jobs are made short and many run at once,
// so the figure is bound by rendering, not by the simulated job durations.
import { engineStats, engineSubmit } from "../lib/api.mjs";
import { freshDir, memoryOf, startEngine } from "../lib/processes.mjs";
import { sleep } from "../lib/stats.mjs";

export async function engineCapacity({ port, images = 240, perWorkflow = 4 }) {
  const engine = await startEngine({
    port,
    dataDir: freshDir("engine-capacity"),
    env: { LOCAL_ENGINE_SPEED: "instant", LOCAL_ENGINE_CONCURRENCY: "32" },
  });
  try {
    const started = performance.now();
    const ratios = ["1:1", "16:9", "4:5", "2.35:1"];
    await Promise.all(
      Array.from({ length: images / perWorkflow }, (_, i) =>
        engineSubmit(engine.url, {
          prompt: `capacity ${i}`,
          quantity: perWorkflow,
          aspectRatio: ratios[i % ratios.length],
          seed: i,
        }),
      ),
    );
    let peak = 0;
    for (;;) {
      peak = Math.max(peak, memoryOf(engine.pid()).peak);
      const stats = await engineStats(engine.url);
      if (stats.jobsRunning === 0 && stats.jobsQueued === 0) break;
      await sleep(200);
    }
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, memoryOf(engine.pid()).peak);
    return { images, seconds, imagesPerSecond: images / seconds, peakMemoryMb: peak / 1024 / 1024 };
  } finally {
    await engine.stop();
  }
}
