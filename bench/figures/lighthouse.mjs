// Figure 6: Lighthouse (mobile preset, the default) on / with history present,
// the median of several runs (one run is noise: 87–96 on the same build).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { CHROME_FLAGS, CHROMIUM } from "../lib/browser.mjs";
import { outDir, root } from "../lib/processes.mjs";

const run = promisify(execFile);

export async function lighthouse(studioUrl) {
  const out = path.join(outDir, "lighthouse.json");
  await run(
    process.execPath,
    [
      path.join(root, "node_modules", "lighthouse", "cli", "index.js"),
      `${studioUrl}/`,
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility,best-practices",
      `--chrome-flags=--headless=new ${CHROME_FLAGS.join(" ")}`,
      "--quiet",
    ],
    {
      env: { ...process.env, CHROME_PATH: CHROMIUM },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    },
  );
  const report = JSON.parse(readFileSync(out, "utf8"));
  const score = (id) => Math.round((report.categories[id]?.score ?? NaN) * 100);
  const failing = (id) =>
    (report.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcpMs: report.audits["largest-contentful-paint"]?.numericValue,
    tbtMs: report.audits["total-blocking-time"]?.numericValue,
    cls: report.audits["cumulative-layout-shift"]?.numericValue,
    failing: { accessibility: failing("accessibility"), bestPractices: failing("best-practices") },
  };
}

/** The run with the median performance score of `n` runs (its other figures with it). */
export async function lighthouseMedian(studioUrl, n) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await lighthouse(studioUrl));
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], runs };
}
