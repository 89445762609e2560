import { QueryIsland } from "@/components/query-island";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { AppHeader } from "@/components/layout/app-header";
import { GridView } from "@/components/grid/grid-view";
import { describeTarget, resolveTarget } from "@/lib/server/orchestrator/target";

// The grid follows the account of this request's cookie.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Grid · Krea Prompt Studio" };

export default async function GridPage({ params }: { params: Promise<{ id: string }> }) {
  const engine = describeTarget(await resolveTarget((await headers()).get("cookie")));
  const { id } = await params;
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader engine={engine} current="studio" />
      <main className="flex-1">
        <QueryIsland>
          <GridView id={id} />
        </QueryIsland>
      </main>
    </div>
  );
}
