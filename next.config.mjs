/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Source maps beside the browser chunks: \`npm run bench\` names the modules and
  // packages in the first load from them, and production errors stay readable.
  // Browsers fetch them only with devtools open; the code is open source anyway.
  productionBrowserSourceMaps: true,
  experimental: { inlineCss: true },
  // Native modules stay out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "sharp"],
  // Keep the engine's data dir out of file watching and tracing.
  outputFileTracingExcludes: { "*": [".data/**"] },
};

export default nextConfig;
