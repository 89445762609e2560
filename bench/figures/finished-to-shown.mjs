// Figures 1 and 2: from a workflow's completedAt to its images painted in the
// gallery, against plain 2 s interval polling in the same run; and the requests
// the browser and the server make per generation.
import { engineStats } from "../lib/api.mjs";
import { launchBrowser, PAINT_RECORDER } from "../lib/browser.mjs";
import { percentile, sleep } from "../lib/stats.mjs";

const WATCH_WINDOW_S = 25; // the browser's long-poll window (use-generation-watch)

async function studioRun(studioUrl, count) {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(PAINT_RECORDER);
  const apiRequests = [];
  let engineDirect = 0; // image bytes the browser fetches from the engine's signed URLs
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/api/local-engine")) engineDirect++;
    else if (path.startsWith("/api/") && !path.startsWith("/api/thumbnails")) {
      apiRequests.push(`${r.method()} ${path}`);
    }
  });
  await page.goto(studioUrl);
  await page.getByRole("textbox", { name: "Prompt" }).waitFor();
  // Quantity 3 makes the builder submit with wait=0, so every result arrives by polling.
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("3");
  await sleep(1_000);
  const engineBase = `${studioUrl}/api/local-engine`;
  const before = (await engineStats(engineBase)).requestsServed;
  apiRequests.length = 0;
  engineDirect = 0;

  const prompts = [];
  for (let i = 0; i < count; i++) {
    const prompt = `bench finished-to-shown ${i} ${Date.now()}`;
    prompts.push(prompt);
    await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
    await page.keyboard.press("Control+Enter");
    await sleep(400 + Math.random() * 400);
  }
  // Wait until every submitted generation is final and painted.
  const deadline = Date.now() + 180_000;
  let generations = [];
  while (Date.now() < deadline) {
    const res = await fetch(`${studioUrl}/api/workflows?take=100`);
    const items = (await res.json()).items.filter((g) => prompts.includes(g.input?.prompt));
    const painted = await page.evaluate(() => window.__painted);
    if (
      items.length === count &&
      items.every((g) => g.final && g.images.filter((i) => i.available).every((i) => painted[i.id]))
    ) {
      generations = items;
      break;
    }
    await sleep(500);
  }
  if (generations.length !== count) {
    const res = await fetch(`${studioUrl}/api/workflows?take=100`);
    const items = (await res.json()).items.filter((g) => prompts.includes(g.input?.prompt));
    const painted = await page.evaluate(() => window.__painted);
    await browser.close();
    throw new Error(
      `not every generation was shown in time: ${items.length}/${count} submitted, ${items.filter((g) => g.final).length} final, ${Object.keys(painted).length} images painted`,
    );
  }
  await sleep(1_000);
  const painted = await page.evaluate(() => window.__painted);
  const after = (await engineStats(engineBase)).requestsServed;
  await browser.close();

  const delays = generations.map((g) => {
    const shown = Math.max(...g.images.filter((i) => i.available).map((i) => painted[i.id]));
    return shown - Date.parse(g.completedAt);
  });
  const durations = generations.map(
    (g) => (Date.parse(g.completedAt) - Date.parse(g.createdAt)) / 1000,
  );
  return {
    delays,
    durations,
    browserRequests: apiRequests.filter(
      (r) => !r.includes("/api/estimate") && !r.includes("/api/health"),
    ).length,
    // The engine also served the stats calls around the run (2) and the
    // browser's image downloads, which are not calls the studio server makes.
    upstreamRequests: after - before - 2 - engineDirect,
  };
}

/** The baseline: the same kind of generations, followed by GET every 2 s and painted on arrival. */
async function pollingRun(studioUrl, count) {
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${studioUrl}/api/health`);
  const delays = await page.evaluate(
    async ({ count }) => {
      const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
      const submit = async (i) => {
        const res = await fetch(`/api/workflows?wait=0`, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
          body: JSON.stringify({ prompt: `bench baseline ${i} ${Date.now()}`, quantity: 3 }),
        });
        return res.json();
      };
      const follow = async (g) => {
        for (;;) {
          await sleep(2_000);
          const current = await (await fetch(`/api/workflows/${g.id}`)).json();
          if (!current.final) continue;
          const urls = current.images.filter((i) => i.available).map((i) => i.previewUrl ?? i.url);
          await Promise.all(
            urls.map(
              (src) =>
                new Promise((resolve) => {
                  const img = new Image();
                  img.onload = img.onerror = resolve;
                  img.src = src;
                  document.body.append(img);
                }),
            ),
          );
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.timeOrigin + performance.now() - Date.parse(current.completedAt);
        }
      };
      const followers = [];
      for (let i = 0; i < count; i++) {
        followers.push(submit(i).then(follow));
        await sleep(400 + Math.random() * 400);
      }
      return Promise.all(followers);
    },
    { count },
  );
  await browser.close();
  return { delays };
}

export async function finishedToShown(studioUrl, { count }) {
  const ours = await studioRun(studioUrl, count);
  const baseline = await pollingRun(studioUrl, count);
  const meanDuration = ours.durations.reduce((a, b) => a + b, 0) / ours.durations.length;
  return {
    p50: percentile(ours.delays, 50),
    p95: percentile(ours.delays, 95),
    baselineP50: percentile(baseline.delays, 50),
    baselineP95: percentile(baseline.delays, 95),
    count,
    browserPerGeneration: ours.browserRequests / count,
    upstreamPerGeneration: ours.upstreamRequests / count,
    meanDurationS: meanDuration,
    requestGoal: 2 + meanDuration / WATCH_WINDOW_S,
  };
}
