// `npm run bench`: builds and starts the studio with the embedded engine on
// loopback, measures, and prints one line per figure with its goal. Times are
// compared with a baseline taken in the same run, because this machine is noisy.
//   --only 1,3,4   run some figures      --quick   smaller sizes (for a smoke run)
//   --write        also write bench/RESULTS.md
import { cpus, totalmem } from "node:os";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { bigHistory, seedHistory } from "./figures/big-history.mjs";
import { engineCapacity } from "./figures/engine-capacity.mjs";
import { finishedToShown } from "./figures/finished-to-shown.mjs";
import { firstLoadJs } from "./figures/first-load-js.mjs";
import { lighthouse } from "./figures/lighthouse.mjs";
import { proxyOverhead } from "./figures/proxy-overhead.mjs";
import { CHROMIUM } from "./lib/browser.mjs";
import { freshDir, memoryOf, outDir, root, startStudio } from "./lib/processes.mjs";
import { fmtRatio, kb, ms, ratio } from "./lib/stats.mjs";

const args = process.argv.slice(2);
const only = args.includes("--only")
  ? new Set(args[args.indexOf("--only") + 1].split(",").map(Number))
  : null;
const quick = args.includes("--quick");
const wants = (n) => !only || only.has(n);
const BASE_PORT = Number(process.env.BENCH_PORT || 5460);
const HISTORY = quick ? { workflows: 100, perWorkflow: 10 } : { workflows: 1000, perWorkflow: 10 };

const lines = [];
const results = {};
function report(n, text, pass) {
  const line = `${n}. ${text} — ${pass === null ? "for capacity notes" : pass ? "PASS" : "MISS"}`;
  lines.push(line);
  console.log(line);
}

const servers = [];
async function studio(name, port, env = {}) {
  const s = await startStudio({ port, dataDir: freshDir(name), env, label: name });
  servers.push(s);
  return s;
}

async function main() {
  console.log(
    `bench: ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`,
  );
  // The bench measures the system, not the rate limiter (startStudio turns it off)
  // nor the pretend balance (10,000 seeded images cost far more than the default).
  const lifted = { STUDIO_RATE_LIMIT: "off", LOCAL_ENGINE_BUZZ: "100000000" };

  if (wants(1) || wants(2) || wants(3) || wants(4)) {
    const s = await studio("studio-main", BASE_PORT, { LOCAL_ENGINE_SPEED: "fast", ...lifted });
    if (wants(4)) {
      const r = (results.firstLoadJs = await firstLoadJs(s.url));
      report(
        4,
        `First-load JS of /: ${kb(r.gzip)} gzip in ${r.scripts} scripts (${kb(r.raw)} raw); ${kb(r.idleGzip)} in ${r.idleScripts} scripts once idle (gallery list included); goal ≤ 160 kB`,
        r.gzip <= 160 * 1024,
      );
    }
    if (wants(1) || wants(2)) {
      const r = (results.finishedToShown = await finishedToShown(s.url, { count: quick ? 6 : 20 }));
      report(
        1,
        `Finished → shown: p95 ${ms(r.p95)} (p50 ${ms(r.p50)}) over ${r.count} generations; 2 s interval polling p95 ${ms(r.baselineP95)} (p50 ${ms(r.baselineP50)}), ratio ${fmtRatio(ratio(r.p95, r.baselineP95))}; goal p95 ≤ 250 ms`,
        r.p95 <= 250,
      );
      report(
        2,
        `Requests per generation: browser ${r.browserPerGeneration.toFixed(2)}, upstream ${r.upstreamPerGeneration.toFixed(2)} (mean duration ${r.meanDurationS.toFixed(1)} s); goal ≤ ${r.requestGoal.toFixed(2)} (2 + duration / 25 s window)`,
        r.browserPerGeneration <= r.requestGoal && r.upstreamPerGeneration <= r.requestGoal,
      );
    }
    if (wants(3)) {
      const r = (results.proxyOverhead = await proxyOverhead(s.url));
      const p50 = ratio(r.finished.studioP50, r.finished.directP50);
      const line = (x) =>
        `studio p50 ${ms(x.studioP50)} p99 ${ms(x.studioP99)} vs engine p50 ${ms(x.directP50)} p99 ${ms(x.directP99)} (p50 ${fmtRatio(ratio(x.studioP50, x.directP50))}, p99 ${fmtRatio(ratio(x.studioP99, x.directP99))})`;
      report(
        3,
        `Proxy overhead, 50 clients, GET /api/workflows/{id}: finished ${line(r.finished)}; still running ${line(r.running)}; errors ${r.finished.errors + r.running.errors}; goal p50 ratio ≤ 1.3 (finished)`,
        p50 <= 1.3 && r.finished.errors + r.running.errors === 0,
      );
    }
  }

  if (wants(5) || wants(6)) {
    const empty = await studio("studio-empty", BASE_PORT + 1, lifted);
    const big = await studio("studio-history", BASE_PORT + 2, {
      LOCAL_ENGINE_SPEED: "instant",
      LOCAL_ENGINE_CONCURRENCY: "16",
      ...lifted,
    });
    const started = performance.now();
    await seedHistory(big.url, HISTORY);
    const images = HISTORY.workflows * HISTORY.perWorkflow;
    console.log(
      `   seeded ${images} images in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    if (wants(5)) {
      const r = (results.bigHistory = await bigHistory(big.url, empty.url));
      report(
        5,
        `Big history (${images} images): first render ${ms(r.firstRenderMs)} vs ${ms(r.emptyFirstRenderMs)} with none (${fmtRatio(ratio(r.firstRenderMs, r.emptyFirstRenderMs))}); DOM ${r.domAtLoad} nodes at load, ${r.domMax} max while scrolling (goal < 1,500); dropped ${r.droppedFrames} of ${r.expectedFrames} frames scrolling ${r.reachedEnd ? "to the end" : "(end not reached)"} in ${r.scrollSeconds.toFixed(0)} s; typing while scrolling p95 ${ms(r.inputP95)} vs ${ms(r.idleInputP95)} idle (goal < 50 ms)`,
        r.domMax < 1500 && r.inputP95 < 50 && r.reachedEnd,
      );
    }
    if (wants(6)) {
      const r = (results.lighthouse = await lighthouse(big.url));
      report(
        6,
        `Lighthouse mobile on / with history: performance ${r.performance} (goal ≥ 95, peer 94), accessibility ${r.accessibility} (goal 100, peer 82), best practices ${r.bestPractices} (goal ≥ 96); LCP ${ms(r.lcpMs)}, TBT ${ms(r.tbtMs)}, CLS ${r.cls?.toFixed(3)}`,
        r.performance >= 95 && r.accessibility === 100 && r.bestPractices >= 96,
      );
      if (r.failing.accessibility.length || r.failing.bestPractices.length) {
        console.log(`   failing audits: ${JSON.stringify(r.failing)}`);
      }
    }
    results.serverMemoryMb = { history: memoryOf(big.pid()).rss / 1024 / 1024 };
  }

  if (wants(7)) {
    const r = (results.engine = await engineCapacity({
      port: BASE_PORT + 5,
      images: quick ? 60 : 240,
    }));
    report(
      7,
      `Embedded engine: ${r.imagesPerSecond.toFixed(1)} images/s (${r.images} images in ${r.seconds.toFixed(1)} s), peak memory ${r.peakMemoryMb.toFixed(0)} MB`,
      null,
    );
  }
}

function machine() {
  let chromium = "";
  try {
    chromium = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    chromium = "unknown";
  }
  return `${cpus().length} × ${cpus()[0]?.model?.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromium}`;
}

try {
  await main();
} finally {
  await Promise.all(servers.map((s) => s.stop()));
}
writeFileSync(
  path.join(outDir, "results.json"),
  JSON.stringify({ date: new Date().toISOString(), results }, null, 2),
);
if (args.includes("--write")) {
  const md = [
    "# Bench results",
    "",
    `Run ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${machine()}.`,
    "Times are compared with a baseline measured in the same run; the machine is shared and noisy.",
    "",
    "```",
    ...lines,
    "```",
    "",
  ].join("\n");
  writeFileSync(path.join(root, "bench", "RESULTS.md"), md);
  console.log("wrote bench/RESULTS.md");
}
