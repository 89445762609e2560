/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Source maps beside the browser chunks: \`npm run bench\` names the modules and
  // packages in the first load from them, and production errors stay readable.
  // Browsers fetch them only with devtools open; the code is open source anyway.
  productionBrowserSourceMaps: true,
  // The stylesheet (10 kB gzip, Tailwind) inlined in the page: the first paint no
  // longer waits for a second request (a round trip on a phone network; the prompt
  // painted at ~250 ms instead of ~500 ms here, issue 18 goal 2). The cost: a
  // returning designer downloads those 10 kB with each page instead of from cache.
  experimental: { inlineCss: true },
  // Native modules stay out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "sharp"],
  // Keep the engine's data dir out of file watching and tracing.
  outputFileTracingExcludes: { "*": [".data/**"] },
};

export default nextConfig;
