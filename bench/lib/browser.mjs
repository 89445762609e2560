// The tests' Chromium (e2e/support/find-chromium.mjs) through Playwright, with the
// flags this machine needs.
import { chromium } from "@playwright/test";
import { findChromium, realSystem } from "../../e2e/support/find-chromium.mjs";

const found = findChromium(realSystem());
process.env.CHROMIUM_PATH = found.path;
export const CHROMIUM = found.path;
/** which step of the resolver found it (CHROMIUM_PATH, PATH, Playwright, …) */
export const CHROMIUM_SOURCE = found.source;
export const CHROME_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
}

/**
 * Records, for every image with a data-image-id, the wall-clock time its pixels
 * were painted: the image has loaded and a frame has been drawn after that.
 */
export const PAINT_RECORDER = `
  window.__painted = {};
  // The gallery names each thumbnail by the button laid over it (data-image-id).
  const idOf = (img) =>
    img.getAttribute("data-image-id") ??
    img.parentElement?.querySelector("[data-image-id]")?.getAttribute("data-image-id") ??
    null;
  const mark = (img) => {
    if (img.__benchWatched) return;
    img.__benchWatched = true;
    const done = () => requestAnimationFrame(() => requestAnimationFrame(() => {
      const id = idOf(img);
      if (id && !window.__painted[id] && img.naturalWidth > 0) {
        window.__painted[id] = performance.timeOrigin + performance.now();
      }
    }));
    if (img.complete && img.naturalWidth > 0) done();
    img.addEventListener("load", done);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.tagName === "IMG") mark(node);
        node.querySelectorAll?.("img").forEach(mark);
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;
