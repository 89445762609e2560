// Figures 1 and 2: from a workflow's completedAt to its images painted in the
// gallery, against plain 2 s interval polling in the same run; and the requests
// the browser and the server make per generation.
//
// Figure 1 means: how soon a designer who is looking at a finished generation's
// card sees its images. The gallery is virtualized, and at 1440 × 900 a
// three-image card takes a row, so only the 3–4 newest of the 20 cards are in the
// DOM: an older card pushed out before it finished was never painted and the
// figure waited for it in vain ("30/60 images painted"); scrolling to it would
// time the bench's scrolling, not the studio. So the page keeps the 1440 px width
// (the same layout, one card to a row) and is tall enough that every card stays
// in view; the gallery has no denser view. An image counts as shown at the first
// frame after it is loaded, still in the DOM and inside the viewport
// (SHOWN_RECORDER): a load whose element was replaced before a frame, or that lay
// off screen, is not a paint anyone saw. A 1440 × 900 page scrolled afterwards
// paints all 60 images: no finished generation is lost. A 4K screen (five cards
// to a row, all in view) was tried too and kept out: a card on top moves every
// other card to another row, so the list draws every drawn card again (544 image
// elements for 60 images, against 61 here): a real cost on wide screens, but the
// list's row packing, not the path from a finished workflow to its pixels.
// Submits wait for Generate to be enabled: Ctrl+Enter is ignored while a click is
// being sent, and at load 5 one of 20 was lost that way.
import { engineStats } from "../lib/api.mjs";
import { launchBrowser, SHOWN_RECORDER } from "../lib/browser.mjs";
import { percentile, sleep } from "../lib/stats.mjs";

const WATCH_WINDOW_S = 25; // the browser's long-poll window (use-generation-watch)
/** px a three-image card's row takes at 1440 px (327 drawn + 12 gap), with room to spare */
const ROW_PX = 380;
/** 1440 px wide, as tall as the gallery's header and `count` one-card rows */
const viewportFor = (count) => ({ width: 1440, height: 200 + count * ROW_PX });

async function studioRun(studioUrl, count) {
  const viewport = viewportFor(count);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  await page.addInitScript(SHOWN_RECORDER);
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
  const paintedBefore = await page.evaluate(() => Object.keys(window.__shown).length);

  const prompts = [];
  // Generate is disabled while a click is being sent and Ctrl+Enter is ignored then
  // (never sent twice): like a designer, wait for it before the next one.
  const generate = page.getByRole("button", { name: /^Generate \d+ image/ });
  for (let i = 0; i < count; i++) {
    const prompt = `bench finished-to-shown ${i} ${Date.now()}`;
    prompts.push(prompt);
    await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
    const ready = Date.now() + 30_000;
    while (!(await generate.isEnabled()) && Date.now() < ready) await sleep(50);
    await page.keyboard.press("Control+Enter");
    await sleep(400 + Math.random() * 400);
  }
  // Wait until every submitted image is painted, asking only the page: the bench's
  // own API calls would count as the studio's upstream requests.
  const expected = count * 3;
  const deadline = Date.now() + 180_000;
  let shown = 0;
  while (Date.now() < deadline) {
    shown = await page.evaluate(() => Object.keys(window.__shown).length);
    if (shown - paintedBefore >= expected) break;
    await sleep(250);
  }
  await sleep(1_000);
  const { painted, unseen, cards } = await page.evaluate(() => ({
    painted: window.__shown,
    unseen: window.__loadedUnseen,
    // the cards drawn now: whether each lies wholly inside the viewport
    cards: [...document.querySelectorAll('[role="feed"] article')].map((a) => {
      const r = a.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    }),
  }));
  const after = (await engineStats(engineBase)).requestsServed;
  await browser.close();
  const res = await fetch(`${studioUrl}/api/workflows?take=100`);
  const generations = (await res.json()).items.filter((g) => prompts.includes(g.input?.prompt));
  const complete =
    generations.length === count &&
    generations.every(
      (g) => g.final && g.images.filter((i) => i.available).every((i) => painted[i.id]),
    );
  if (!complete) {
    throw new Error(
      `not every generation was shown in time: ${generations.length}/${count} submitted, ${generations.filter((g) => g.final).length} final, ${shown - paintedBefore}/${expected} images painted in view (${unseen} loaded unseen); ${cards.filter(Boolean).length} of ${cards.length} cards drawn wholly in the ${viewport.width} × ${viewport.height} viewport`,
    );
  }

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
    viewport,
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
    viewport: `${ours.viewport.width} × ${ours.viewport.height}`,
    browserPerGeneration: ours.browserRequests / count,
    upstreamPerGeneration: ours.upstreamRequests / count,
    meanDurationS: meanDuration,
    requestGoal: 2 + meanDuration / WATCH_WINDOW_S,
  };
}
