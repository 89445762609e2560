// Figure 4: gzip bytes of every script the page's HTML loads, not counting the
// noModule polyfill (which modern browsers skip).
import { gzipSync } from "node:zlib";

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
    gzip += gzipSync(bytes, { level: 9 }).length;
    scripts++;
  }
  return { gzip, raw, scripts };
}
