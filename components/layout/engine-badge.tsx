import { Cloud, Cpu } from "lucide-react";
import type { EngineInfo } from "@/lib/contract/api";

const EXPLANATION: Record<EngineInfo["tokenSource"], string> = {
  local: "Embedded engine: renders local previews, no Buzz spent.",
  cookie: "Civitai orchestrator with your token: each image spends Buzz.",
  env: "Civitai orchestrator with the server's token: each image spends Buzz.",
};

/** Which orchestrator generations go to, decided on the server for this request. */
export function EngineBadge({ engine }: { engine: EngineInfo }) {
  const Icon = engine.engine === "local" ? Cpu : Cloud;
  const explanationId = "engine-explanation";
  return (
    <div className="flex min-w-0 items-center gap-2">
      <span
        role="status"
        aria-label={`Engine: ${engine.label}`}
        aria-describedby={explanationId}
        className="inline-flex shrink-0 items-center gap-1.5 rounded-full border border-border bg-raised px-2 py-0.5 text-xs font-medium"
      >
        <Icon
          aria-hidden="true"
          className={engine.engine === "local" ? "size-3.5 text-success" : "size-3.5 text-accent"}
        />
        {engine.label}
      </span>
      <span id={explanationId} className="sr-only text-xs text-muted lg:not-sr-only lg:truncate">
        {EXPLANATION[engine.tokenSource]}
      </span>
    </div>
  );
}
