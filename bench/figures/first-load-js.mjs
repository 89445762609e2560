// Figure 4: gzip bytes of every script the page's HTML loads, not counting the
// noModule polyfill (which modern browsers skip). Also, so nothing hides behind
// lazy loading: every script a browser has fetched once the page is idle
// (the gallery list and anything else loaded right after hydration).
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../lib/browser.mjs";
import { sleep } from "../lib/stats.mjs";

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

export async function firstLoadJs(studioUrl) {
  const html = await (await fetch(`${studioUrl}/`)).text();
  const tags = html.match(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g) ?? [];
  let gzip = 0;
  let raw = 0;
  let scripts = 0;
  for (const tag of tags) {
    if (/\bnomodule\b/i.test(tag)) continue;
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (!src) continue;
    const bytes = Buffer.from(await (await fetch(new URL(src, studioUrl))).arrayBuffer());
    raw += bytes.length;
    gzip += gz(bytes);
    scripts++;
  }
  return { gzip, raw, scripts, ...(await loadedByIdle(studioUrl)) };
}

async function loadedByIdle(studioUrl) {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const bodies = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") bodies.push(r.body().catch(() => null));
  });
  await page.goto(studioUrl, { waitUntil: "networkidle" });
  await sleep(1_000);
  let idleGzip = 0;
  let idleScripts = 0;
  for (const body of await Promise.all(bodies)) {
    if (!body) continue;
    idleGzip += gz(body);
    idleScripts++;
  }
  await browser.close();
  return { idleGzip, idleScripts };
}
