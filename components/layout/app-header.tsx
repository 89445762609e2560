import type { EngineInfo } from "@/lib/contract/api";
import { AccountSync } from "./account-sync";
import { EngineBadge } from "./engine-badge";
import { OrchestratorStatus } from "./orchestrator-status";
import { SessionSpend } from "./session-spend";
import { SpendSummaryButton } from "./spend-summary";
import { TokenDialog } from "./token-dialog";

const NAV = [
  { key: "studio", href: "/", label: "Studio" },
  { key: "style-sets", href: "/style-sets", label: "Style sets" },
] as const;

export function AppHeader({
  engine,
  current,
}: {
  engine: EngineInfo;
  current?: (typeof NAV)[number]["key"];
}) {
  return (
    <header className="flex min-h-12 shrink-0 flex-wrap items-center gap-x-4 gap-y-1 border-b border-border bg-panel px-4 py-2">
      <div className="flex shrink-0 items-center gap-2">
        {/* The mark is decoration beside the name, so it stays out of the accessibility tree. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- a 20 px SVG needs no optimisation */}
        <img src="/icon.svg" alt="" width={20} height={20} className="size-5" />
        <h1 className="text-sm font-semibold tracking-tight">Krea Prompt Studio</h1>
      </div>
      <nav aria-label="Studio sections" className="flex items-center gap-0.5 text-xs">
        {NAV.map((item) => (
          <a
            key={item.key}
            href={item.href}
            aria-current={item.key === current ? "page" : undefined}
            className="rounded-md px-2 py-1 font-medium text-muted hover:bg-subtle hover:text-foreground aria-[current=page]:bg-subtle aria-[current=page]:text-foreground"
          >
            {item.label}
          </a>
        ))}
      </nav>
      <AccountSync account={engine.account} />
      <EngineBadge engine={engine} />
      <OrchestratorStatus />
      <div className="ml-auto flex items-center gap-3">
        <SessionSpend engine={engine.engine} />
        <SpendSummaryButton />
        <TokenDialog engine={engine} />
      </div>
    </header>
  );
}
