// Runs once when the server starts (Next's instrumentation hook).
export async function register() {
  // Only the Node server has signals to handle; the edge runtime has no process.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installShutdown } = await import("./lib/server/http/shutdown");
  installShutdown();
  // libvips' operation cache (50 MB by default) never hits here: every render and
  // every upload is new bytes. It only held memory (bench/RESULTS.md, figure 8).
  const { default: sharp } = await import("sharp");
  sharp.cache(false);
  // The studio's database opens (and migrates) at start-up rather than on the
  // first request. A failure is logged, not fatal: the next request tries again,
  // and /api/health says so meanwhile.
  void import("./lib/server/db/studio-db")
    .then((m) => m.getStudioDb())
    .catch((error: unknown) => console.error("[studio] opening the database failed", error));
  // Once the server listens (the embedded engine is one of its routes), unfinished grids go on.
  setTimeout(() => {
    void import("./lib/server/plans/resume")
      .then((m) => m.resumeOnBoot())
      .catch((error: unknown) => console.error("resuming grids failed", error));
  }, 1_000);
}
