/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules stay out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "sharp"],
  // Keep the engine's data dir out of file watching and tracing.
  outputFileTracingExcludes: { "*": [".data/**"] },
};

export default nextConfig;
