import { QueryIsland } from "@/components/query-island";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { AppHeader } from "@/components/layout/app-header";
import { StyleSetsManager } from "@/components/style-sets/style-sets-manager";
import { describeTarget, resolveTarget } from "@/lib/server/orchestrator/target";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import type { StyleSet } from "@/lib/contract/style-sets/schema";

// Sets are shared and change under us; the engine depends on this request's cookie.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Style sets · Krea Prompt Studio" };

export default async function StyleSetsPage() {
  const engine = describeTarget(await resolveTarget((await headers()).get("cookie")));
  let initialSets: StyleSet[] | undefined;
  try {
    initialSets = await getStyleSetStore().list();
  } catch {
    // The list then loads in the browser, which shows what went wrong and offers a retry.
    initialSets = undefined;
  }
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader engine={engine} current="style-sets" />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 md:px-6">
        <QueryIsland>
          <StyleSetsManager initialSets={initialSets} />
        </QueryIsland>
      </main>
    </div>
  );
}
