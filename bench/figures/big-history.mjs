// Figure 5: a gallery of many images seeded through the engine: time to first
// render (against the same page with an empty history, same run), DOM nodes,
// frames dropped while scrolling through all of it, and input latency while
// typing into the prompt during that scroll (against typing without scrolling).
import { engineStats, engineSubmit } from "../lib/api.mjs";
import { launchBrowser } from "../lib/browser.mjs";
import { percentile, sleep } from "../lib/stats.mjs";

export async function seedHistory(studioUrl, { workflows, perWorkflow }) {
  const engineBase = `${studioUrl}/api/local-engine`;
  const ratios = ["1:1", "16:9", "4:5", "3:2", "9:16", "2.35:1", "4:3", "2:3"];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < workflows) {
        const i = next++;
        await engineSubmit(engineBase, {
          prompt: `history ${i}: ${["a fox", "a lighthouse", "a paper boat", "a glass whale"][i % 4]} study`,
          aspectRatio: ratios[i % ratios.length],
          size: i % 3 === 0 ? "large" : "medium",
          quantity: perWorkflow,
          seed: i,
        });
      }
    }),
  );
  for (;;) {
    const stats = await engineStats(engineBase);
    if (stats.jobsRunning === 0 && stats.jobsQueued === 0) return stats;
    await sleep(1_000);
  }
}

const FIRST_RENDER = `
  window.__firstRender = null;
  new MutationObserver((_, observer) => {
    const gallery = document.querySelector('[aria-labelledby="gallery-title"]');
    if (gallery && (gallery.querySelector("article") || gallery.querySelector("h3, h2 + div h3"))) {
      window.__firstRender = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function firstRender(url) {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(FIRST_RENDER);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstRender !== null, null, { timeout: 60_000 });
  const t = await page.evaluate(() => window.__firstRender);
  await browser.close();
  return t;
}

/** Event Timing durations (input → next paint) of key presses. */
const INPUT_RECORDER = `
  window.__inputs = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "keydown" || e.name === "keypress" || e.name === "keyup") window.__inputs.push(e.duration);
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
`;

export async function bigHistory(studioUrl, emptyStudioUrl, { maxScrollSeconds = 180 } = {}) {
  // Median of three loads each, alternating, to tame a noisy machine.
  const big = [];
  const empty = [];
  for (let i = 0; i < 3; i++) {
    empty.push(await firstRender(emptyStudioUrl));
    big.push(await firstRender(studioUrl));
  }

  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(INPUT_RECORDER);
  await page.goto(studioUrl);
  await page.locator("article").first().waitFor();
  await sleep(1_500);
  const domAtLoad = await page.evaluate(() => document.getElementsByTagName("*").length);

  // Typing without scrolling: the baseline for input latency.
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await prompt.click();
  const typeSome = async (n) => {
    for (let i = 0; i < n; i++) {
      await page.keyboard.type("abcdefghij"[i % 10]);
      await sleep(60);
    }
  };
  await typeSome(60);
  const idleInputs = await page.evaluate(() => window.__inputs.splice(0));

  // Scroll the gallery pane from top to bottom at a steady pace, loading pages as it goes.
  const scrolling = page.evaluate(async (maxMs) => {
    const main = document.getElementById("gallery");
    const scroller =
      main && main.scrollHeight > main.clientHeight ? main : document.scrollingElement;
    const frames = [];
    let maxDom = 0;
    const started = performance.now();
    let last = started;
    let stuck = 0;
    let lastTop = -1;
    while (performance.now() - started < maxMs) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
      scroller.scrollTop += 120;
      maxDom = Math.max(maxDom, document.getElementsByTagName("*").length);
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      const done = /That.s everything/.test(main?.textContent ?? "");
      if (atEnd && done) break;
      stuck = scroller.scrollTop === lastTop ? stuck + 1 : 0;
      lastTop = scroller.scrollTop;
      if (stuck > 600) break; // ten seconds without progress: the end never came
    }
    const cards = main?.querySelectorAll("article").length ?? 0;
    return {
      frames,
      maxDom,
      reachedEnd: /That.s everything/.test(main?.textContent ?? ""),
      seconds: (performance.now() - started) / 1000,
      cards,
    };
  }, maxScrollSeconds * 1000);
  // Type while it scrolls.
  await sleep(1_000);
  await typeSome(120);
  const scroll = await scrolling;
  const busyInputs = await page.evaluate(() => window.__inputs.splice(0));
  await browser.close();

  const budget = 1000 / 60;
  const dropped = scroll.frames.reduce(
    (sum, d) => sum + Math.max(0, Math.round(d / budget) - 1),
    0,
  );
  const expected = scroll.frames.reduce((sum, d) => sum + Math.max(1, Math.round(d / budget)), 0);
  // Key presses faster than a frame produce no Event Timing entry (threshold 16 ms): count them as 16.
  const pad = (list, n) => [...list, ...Array(Math.max(0, n - list.length)).fill(16)];
  return {
    firstRenderMs: percentile(big, 50),
    emptyFirstRenderMs: percentile(empty, 50),
    domAtLoad,
    domMax: scroll.maxDom,
    droppedFrames: dropped,
    expectedFrames: expected,
    scrollSeconds: scroll.seconds,
    reachedEnd: scroll.reachedEnd,
    inputP95: percentile(pad(busyInputs, 120 * 3), 95),
    idleInputP95: percentile(pad(idleInputs, 60 * 3), 95),
  };
}
