// Runs once when the server starts (Next's instrumentation hook).
export async function register() {
  // Only the Node server has signals to handle; the edge runtime has no process.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installShutdown } = await import("./lib/server/http/shutdown");
  installShutdown();
}
