// The baseline of the first-load figure: a bare page of the same Next and React
// (one client component, as the issue defines it) built from the project's own
// node_modules in a temp dir under bench/.out, so the baseline moves with
// upgrades. Its prerendered HTML names the scripts a browser loads; they are
// counted as the studio's are (gzip -9, the noModule polyfill excluded).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { outDir, root } from "../lib/processes.mjs";

const run = promisify(execFile);
export const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

const FILES = {
  "package.json": JSON.stringify({ name: "bare-next", private: true, type: "module" }),
  "next.config.mjs": "export default {};\n",
  "app/layout.jsx": `export default function Layout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  "app/page.jsx": `import { Counter } from "./counter";
export default function Page() {
  return <main><h1>Bare</h1><Counter /></main>;
}
`,
  "app/counter.jsx": `"use client";
import { useState } from "react";
export function Counter() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>{n}</button>;
}
`,
};

/** Script srcs a page's HTML loads, noModule ones left out. */
export function scriptSrcs(html) {
  return (html.match(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g) ?? [])
    .filter((tag) => !/\bnomodule\b/i.test(tag))
    .map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1])
    .filter(Boolean);
}

export async function bareNextFirstLoad() {
  mkdirSync(outDir, { recursive: true });
  // Inside the project, so `node_modules` resolves to the project's own.
  const dir = mkdtempSync(path.join(outDir, "bare-next-"));
  try {
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 600_000,
    });
    const html = readFileSync(path.join(dir, ".next/server/app/index.html"), "utf8");
    let gzip = 0;
    let raw = 0;
    const srcs = scriptSrcs(html);
    for (const src of srcs) {
      const file = path.join(dir, ".next", decodeURIComponent(src.replace(/^\/_next\//, "")));
      const bytes = readFileSync(file);
      raw += bytes.length;
      gzip += gz(bytes);
    }
    const version = JSON.parse(
      readFileSync(path.join(root, "node_modules/next/package.json"), "utf8"),
    ).version;
    const react = JSON.parse(
      readFileSync(path.join(root, "node_modules/react/package.json"), "utf8"),
    ).version;
    return { gzip, raw, scripts: srcs.length, next: version, react };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
