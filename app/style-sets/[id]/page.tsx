import { QueryIsland } from "@/components/query-island";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { StyleSetDetail } from "@/components/style-sets/style-set-detail";
import { describeTarget, resolveTarget } from "@/lib/server/orchestrator/target";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { STYLE_SET_ID_PATTERN } from "@/lib/contract/style-sets/limits";

// A set's stable link: /style-sets/{id}, or /style-sets/{id}@{version} to point at one version.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Style set · Krea Prompt Studio" };

type Props = { params: Promise<{ id: string }> };

export default async function StyleSetPage({ params }: Props) {
  const raw = decodeURIComponent((await params).id);
  const match = /^(ss_[a-z0-9]{20})(?:@([1-9]\d{0,8}))?$/.exec(raw);
  if (!match?.[1] || !STYLE_SET_ID_PATTERN.test(match[1])) notFound();
  const store = getStyleSetStore();
  const set = await store.get(match[1]);
  if (!set) notFound();
  const history = await store.versions(set.id);
  const focus = match[2] ? Number(match[2]) : null;
  if (focus !== null && !history.items.some((v) => v.version === focus)) notFound();
  const engine = describeTarget(await resolveTarget((await headers()).get("cookie")));
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader engine={engine} current="style-sets" />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 md:px-6">
        <QueryIsland>
          <StyleSetDetail initialSet={set} initialHistory={history} focus={focus} />
        </QueryIsland>
      </main>
    </div>
  );
}
