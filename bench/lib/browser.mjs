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
 * Records when each image (named by its data-image-id, or the button laid over it)
 * was first seen (bench figure 1): it counts once it is loaded, still in the DOM
 * and inside the viewport, and a frame has been drawn after that; __shown[id] is
 * the first such time. A load whose element is replaced (a virtualized row drawn
 * again) or lies outside the viewport is not a paint anyone saw; __loadedUnseen
 * counts such images, for the figure's diagnosis.
 */
export const SHOWN_RECORDER = `
  window.__shown = {};
  window.__loadedUnseen = 0;
  const idOf = (img) =>
    img.getAttribute("data-image-id") ??
    img.parentElement?.querySelector("[data-image-id]")?.getAttribute("data-image-id") ??
    null;
  const loaded = (img) => img.complete && img.naturalWidth > 0;
  const inView = (img) => {
    const r = img.getBoundingClientRect();
    return r.width > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  };
  const check = (img) => {
    if (!loaded(img)) return;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const id = idOf(img);
      if (!id || window.__shown[id]) return;
      // __benchVisible is undefined until the observer's first report, which checks again.
      if (img.isConnected && img.__benchVisible !== false && inView(img)) {
        window.__shown[id] = performance.timeOrigin + performance.now();
      } else if (!img.__benchUnseen) {
        img.__benchUnseen = true;
        window.__loadedUnseen++;
      }
    }));
  };
  // Clipped by the scrolling gallery pane too, so "intersecting" is what is on screen.
  const visibility = new IntersectionObserver((entries) => {
    for (const e of entries) {
      e.target.__benchVisible = e.isIntersecting;
      check(e.target);
    }
  });
  const mark = (img) => {
    if (img.__benchWatched) return;
    img.__benchWatched = true;
    visibility.observe(img);
    img.addEventListener("load", () => check(img));
  };
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.tagName === "IMG") mark(node);
        node.querySelectorAll?.("img").forEach(mark);
      }
      // A removed image is done with: its replacement, if any, is watched anew.
      for (const node of r.removedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.tagName === "IMG") visibility.unobserve(node);
        node.querySelectorAll?.("img").forEach((img) => visibility.unobserve(img));
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;
