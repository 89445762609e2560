// Figures 1 and 2: from a workflow's completedAt to its images painted in the
// gallery, against plain 2 s interval polling in the same run; and the requests
// the browser and the server make per generation.
//
// Figure 1 means: how soon a designer who is looking at a finished generation's
// card sees its images. The gallery is virtualized and at 1440 × 900 a
// three-image card takes a row: only the 3–4 newest cards are in the DOM and two
// are on screen. Twenty submits in a burst pushed older cards out before they
// finished, so the figure waited for paints that could never come ("30/60 images
// painted"); scrolled to afterwards, all 60 images do show, so no generation is
// lost. So the designer keeps at most IN_VIEW generations unfinished-or-unshown:
// the next is submitted (400–800 ms after the last) once all but the newest are
// shown, and every card finishes where it is seen, on a real screen size (the
// polling baseline is paced the same way). An image counts as shown at the first
// frame after it is loaded, still in the DOM and inside the viewport
// (SHOWN_RECORDER): a load whose element was replaced before a frame, or that lay
// off screen, is not a paint anyone saw. Tried and left: a page
// 7,800 px tall with all 20 cards in view (software raster of 11 Mpx: frames p95
// 67–100 ms, longest 0.5–0.7 s, against 17 ms and 0.15–0.2 s at 900 px, a cost no
// screen pays), and a 4K page (five cards to a row: a card on top moves every other
// card to another row and the list draws each again, 544 image elements for 60
// images). Submits also wait for Generate to be enabled: Ctrl+Enter is ignored
// while a click is being sent (one of 20 was lost that way at load 5).
import { engineStats } from "../lib/api.mjs";
import { launchBrowser, SHOWN_RECORDER } from "../lib/browser.mjs";
import { percentile, sleep } from "../lib/stats.mjs";

const WATCH_WINDOW_S = 25; // the browser's long-poll window (use-generation-watch)
const VIEWPORT = { width: 1440, height: 900 };
/** three-image cards wholly on a 1440 × 900 screen below the gallery's header (339 px each) */
const IN_VIEW = 2;

async function studioRun(studioUrl, count) {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: VIEWPORT });
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
  const shownNow = async () =>
    (await page.evaluate(() => Object.keys(window.__shown).length)) - paintedBefore;
  for (let i = 0; i < count; i++) {
    // The cards still to show are the newest ones, on top: at most IN_VIEW after this submit.
    const ready = Date.now() + 60_000;
    while ((await shownNow()) < 3 * (i - IN_VIEW + 1) && Date.now() < ready) await sleep(100);
    const prompt = `bench finished-to-shown ${i} ${Date.now()}`;
    prompts.push(prompt);
    await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
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
    shown = await shownNow();
    if (shown >= expected) break;
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
      `not every generation was shown in time: ${generations.length}/${count} submitted, ${generations.filter((g) => g.final).length} final, ${shown}/${expected} images painted in view (${unseen} loaded unseen); ${cards.filter(Boolean).length} of ${cards.length} cards drawn wholly in the ${VIEWPORT.width} × ${VIEWPORT.height} viewport`,
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
  };
}

/** The baseline: the same kind of generations at the same pace, followed by GET every 2 s and painted on arrival. */
async function pollingRun(studioUrl, count) {
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${studioUrl}/api/health`);
  const delays = await page.evaluate(
    async ({ count, inView }) => {
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
      // Paced as the studio's run: at most inView generations not yet shown.
      const followers = [];
      let shown = 0;
      for (let i = 0; i < count; i++) {
        while (shown < i - inView + 1) await sleep(50);
        followers.push(
          submit(i)
            .then(follow)
            .then((delay) => {
              shown++;
              return delay;
            }),
        );
        await sleep(400 + Math.random() * 400);
      }
      return Promise.all(followers);
    },
    { count, inView: IN_VIEW },
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
    inView: IN_VIEW,
    browserPerGeneration: ours.browserRequests / count,
    upstreamPerGeneration: ours.upstreamRequests / count,
    meanDurationS: meanDuration,
    requestGoal: 2 + meanDuration / WATCH_WINDOW_S,
  };
}
