// Issue 18 goal 4: the page holds a bounded amount of history. Scrolls the
// gallery of the big history to the end and back to the top, then compares the
// JS heap (after a forced garbage collection, through the DevTools protocol)
// with the heap at load, and reads how many generations the gallery held at
// most (data-held on the feed) against the page size.
import { launchBrowser } from "../lib/browser.mjs";
import { sleep } from "../lib/stats.mjs";

async function heapAfterGc(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
}

export async function boundedHistory(studioUrl, { maxScrollSeconds = 240 } = {}) {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(studioUrl);
  await page.locator("article").first().waitFor();
  await sleep(2_000);
  const heldAt = () =>
    page.evaluate(() => Number(document.querySelector("[role=feed]")?.getAttribute("data-held")));
  const heapAtLoad = await heapAfterGc(cdp);
  const heldAtLoad = await heldAt();

  const pass = (direction) =>
    page.evaluate(
      async ({ maxMs, down }) => {
        const main = document.getElementById("gallery");
        const scroller =
          main && main.scrollHeight > main.clientHeight ? main : document.scrollingElement;
        const held = () =>
          Number(document.querySelector("[role=feed]")?.getAttribute("data-held") ?? 0);
        let maxHeld = held();
        const started = performance.now();
        let stuck = 0;
        let lastTop = -1;
        while (performance.now() - started < maxMs) {
          await new Promise((r) => requestAnimationFrame(r));
          scroller.scrollTop += down ? 400 : -400;
          maxHeld = Math.max(maxHeld, held());
          const atEnd = down
            ? scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2 &&
              /That.s everything/.test(main?.textContent ?? "")
            : scroller.scrollTop <= 0 && !document.querySelector("[role=feed][aria-busy=true]");
          if (atEnd) return { reached: true, maxHeld };
          stuck = scroller.scrollTop === lastTop ? stuck + 1 : 0;
          lastTop = scroller.scrollTop;
          if (stuck > 600) break;
        }
        return { reached: false, maxHeld };
      },
      { maxMs: maxScrollSeconds * 1000, down: direction === "down" },
    );
  const down = await pass("down");
  const heapAtEnd = await heapAfterGc(cdp);
  const up = await pass("up");
  await sleep(1_000);
  const heapBack = await heapAfterGc(cdp);
  const heldBack = await heldAt();
  await browser.close();
  return {
    heapAtLoad,
    heapAtEnd,
    heapBack,
    heldAtLoad,
    heldBack,
    maxHeld: Math.max(down.maxHeld, up.maxHeld),
    reachedEnd: down.reached,
    reachedTop: up.reached,
  };
}
