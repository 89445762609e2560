// First-load JS of /: gzip bytes of every script the page's HTML loads, not
// counting the noModule polyfill (which modern browsers skip), against a bare
// page of the same Next and React built in this run (bare-next.mjs). The
// difference is what the studio adds. The largest modules and dependencies in
// that first load come from the chunks' source maps (next.config.mjs ships them).
// Also, so nothing hides behind lazy loading: every script a browser has fetched
// once the page is idle (the gallery list and anything loaded after hydration).
import { launchBrowser } from "../lib/browser.mjs";
import { sizesBySource } from "../lib/source-map-sizes.mjs";
import { sleep } from "../lib/stats.mjs";
import { bareNextFirstLoad, gz, scriptSrcs } from "./bare-next.mjs";

export async function firstLoadJs(studioUrl) {
  const html = await (await fetch(`${studioUrl}/`)).text();
  let gzip = 0;
  let raw = 0;
  const chunks = [];
  const srcs = scriptSrcs(html);
  for (const src of srcs) {
    const url = new URL(src, studioUrl);
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    raw += bytes.length;
    gzip += gz(bytes);
    const code = bytes.toString("utf8");
    // Turbopack names a chunk's map by its own hash: follow the comment.
    const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
    const mapRes = mapName ? await fetch(new URL(mapName, url)) : null;
    chunks.push({ code, map: mapRes?.ok ? await mapRes.json() : null });
  }
  const top = sizesBySource(chunks).slice(0, 10);
  const bare = await bareNextFirstLoad();
  return {
    gzip,
    raw,
    scripts: srcs.length,
    bare,
    overhead: gzip - bare.gzip,
    top,
    ...(await loadedByIdle(studioUrl)),
  };
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
