// `npm run engine`: the embedded orchestrator on its own port (PORT, default
// 4000), mounted at "/" like orchestration.civitai.com. Point the studio at it
// with ORCHESTRATOR_URL=http://127.0.0.1:4000.
import { optionsFromEnv } from "./config";
import { createEngine } from "./engine";
import { startNodeServer } from "./node-server";

async function main(): Promise<void> {
  const options = optionsFromEnv();
  const engine = createEngine(options);
  const port = Number(process.env.PORT || 4000);
  const server = await startNodeServer(engine, {
    port,
    host: process.env.HOST || "127.0.0.1",
    basePath: "/",
  });
  console.log(
    `Local orchestrator engine on ${server.url} (speed ${options.speed ?? "fast"}, data ${options.dataDir}${options.enabled === false ? ", LOCAL_ENGINE=off" : ""})`,
  );
  const stop = async () => {
    await server.close();
    await engine.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
