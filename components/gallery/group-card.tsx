"use client";
// Generations made to be compared, as one card: a tier pair (medium | large)
// or a sweep row (raw … high, or one reference at several strengths). Each
// member is a column with its own cost, wall time and progress; image n of
// every member sits on the same line. A pair says what large costs and takes
// beyond medium, and opens the wipe view.
import { Button } from "@/components/ui/button";
import { ShieldAlert, SplitSquareHorizontal } from "lucide-react";
import { memo, useId, type CSSProperties } from "react";
import { memberColumns } from "@/lib/client/gallery/feed-layout";
import { formatDuration } from "@/lib/client/gallery/format";
import { sweepValue, type PairItem, type SweepItem } from "@/lib/client/gallery/groups";
import { CARD_PADDING, imageRatio } from "@/lib/client/gallery/layout";
import { alignByIndex, difference, sideFacts, type Slot } from "@/lib/client/gallery/pairing";
import type { Generation } from "@/lib/contract/generations/types";
import type { LostGenerations } from "@/lib/client/gallery/use-generation-watch";
import { useGeneration } from "@/lib/client/gallery/use-generation";
import { formatBuzz } from "@/lib/contract/krea/pricing";
import { CardFacts, SettingsChips } from "./card-meta";
import { CardOutcome, CardProgress } from "./card-status";
import { useGalleryActions } from "./gallery-actions";
import { CardPrompt } from "./generation-card";
import { endedTile, PendingTile, ratioStyle, StateTile } from "./image-grid";
import { LineageLink } from "./lineage-link";
import { Thumbnail } from "./thumbnail";

export interface GroupCardProps {
  item: PairItem | SweepItem;
  lost: LostGenerations;
  position: number;
  setSize: number;
  /** grid columns the card spans */
  span: number;
}

interface Member {
  generation: Generation | null;
  label: string;
}

function usePairMembers(item: PairItem): Member[] {
  const missing = useGeneration(item.missingId ?? undefined, item.missingId !== null);
  const fetched = missing.data ?? null;
  return [
    {
      generation: item.medium ?? (fetched?.input?.size === "medium" ? fetched : null),
      label: "Medium",
    },
    {
      generation: item.large ?? (fetched?.input?.size === "large" ? fetched : null),
      label: "Large",
    },
  ];
}

export const GroupCard = memo(function GroupCard(props: GroupCardProps) {
  return props.item.kind === "pair" ? (
    <PairCard {...props} item={props.item} />
  ) : (
    <GroupShell
      {...props}
      members={props.item.members.map((g) => ({ generation: g, label: sweepValue(g).label }))}
    />
  );
});

function PairCard(props: GroupCardProps & { item: PairItem }) {
  return <GroupShell {...props} members={usePairMembers(props.item)} />;
}

function GroupShell({
  item,
  lost,
  position,
  setSize,
  span,
  members,
}: GroupCardProps & { members: Member[] }) {
  const promptId = useId();
  const summaryId = useId();
  const present = members.map((m) => m.generation).filter((g): g is Generation => g !== null);
  const first = present[0];
  if (!first) return null;
  const ids = present.map((g) => g.id);
  const prompt = first.input?.prompt ?? "A workflow the studio cannot read as Krea v2";
  const rows = alignByIndex(members.map((m) => m.generation));
  const seed = first.input?.seed;
  const kind =
    item.kind === "pair"
      ? "Compare tiers"
      : item.sweepKind === "strength"
        ? "Strength sweep"
        : "Creativity sweep";
  const total = present.reduce((sum, g) => sum + sideFacts(g).buzz, 0);
  // The parent outside the card; a tier try's parent is the other member.
  const outside = present.find((g) => g.metadata.parentId && !ids.includes(g.metadata.parentId));
  const style: CSSProperties = { gridColumn: `span ${span} / span ${span}` };

  return (
    <article
      aria-labelledby={promptId}
      aria-describedby={summaryId}
      aria-posinset={position}
      aria-setsize={setSize}
      data-generation-ids={ids.join(" ")}
      tabIndex={-1}
      style={style}
      className="flex min-w-0 flex-col gap-2.5 rounded-lg border border-border bg-raised p-3 focus-visible:outline-offset-0"
    >
      <CardPrompt id={promptId} prompt={prompt} generation={first} paired={item.kind === "pair"} />
      {outside ? <LineageLink generation={outside} /> : null}
      <p id={summaryId} className="-mt-1 text-xs text-muted tabular-nums">
        <span className="font-medium text-foreground">{kind}</span>
        {typeof seed === "number" ? ` · seed ${seed}` : ""} · {present.length} generations ·{" "}
        {formatBuzz(total)} Buzz
      </p>
      <MemberGrid members={members} rows={rows} lost={lost} prompt={prompt} span={span} />
      {item.kind === "pair" ? <PairLine members={members} rows={rows} /> : null}
      <div className="flex flex-col gap-1.5">
        <SettingsChips generation={first} omit={item.kind === "pair" ? "size" : item.sweepKind} />
        <CardFacts generation={first} ageOnly />
      </div>
    </article>
  );
}

function MemberGrid({
  members,
  rows,
  lost,
  prompt,
  span,
}: {
  members: Member[];
  rows: Slot[][];
  lost: LostGenerations;
  prompt: string;
  span: number;
}) {
  // Card width is not measured: span × the narrowest card is a safe lower bound.
  const columns = memberColumns(members.length, span * 300 - 2 * CARD_PADDING);
  return (
    <div
      className="grid gap-x-2 gap-y-2"
      style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
    >
      {members.map((m, i) => (
        <MemberColumn
          key={m.generation?.id ?? m.label}
          member={m}
          slots={rows.map((row) => row[i]).filter((s): s is Slot => s !== undefined)}
          lostReason={m.generation ? lost[m.generation.id] : undefined}
          prompt={prompt}
        />
      ))}
    </div>
  );
}

function MemberColumn({
  member: { generation: g, label },
  slots,
  lostReason,
  prompt,
}: {
  member: Member;
  slots: Slot[];
  lostReason?: string;
  prompt: string;
}) {
  const statusId = useId();
  const facts = g ? sideFacts(g) : null;
  const ratio = g ? imageRatio(g) : 1;
  const side = label.toLowerCase();
  return (
    <section aria-label={label} className="flex min-w-0 flex-col gap-1">
      <p className="flex items-baseline justify-between gap-1 text-xs">
        <span className="truncate font-medium">{label}</span>
        {facts ? (
          <span
            className="shrink-0 text-muted tabular-nums"
            title={facts.charged ? "Charged" : "Quoted"}
          >
            {formatBuzz(facts.buzz)} Buzz
            {facts.seconds !== null ? ` · ${formatDuration(facts.seconds)}` : ""}
          </span>
        ) : null}
      </p>
      {!g ? (
        <p className="rounded-md bg-subtle px-2 py-6 text-center text-[11px] text-muted">
          Loading the {side} side…
        </p>
      ) : lostReason || (g.final && g.status !== "succeeded") ? (
        <CardOutcome generation={g} id={statusId} lostReason={lostReason} />
      ) : !g.final ? (
        <CardProgress generation={g} id={statusId} />
      ) : null}
      {slots.map((slot) => (
        <SlotTile key={slot.index} slot={slot} ratio={ratio} prompt={prompt} side={side} />
      ))}
    </section>
  );
}

function SlotTile({
  slot,
  ratio,
  prompt,
  side,
}: {
  slot: Slot;
  ratio: number;
  prompt: string;
  side: string;
}) {
  const style = ratioStyle(slot.image, ratio);
  const g = slot.generation;
  if (slot.state === "image" && g && slot.image) {
    return (
      <Thumbnail
        generation={g}
        image={slot.image}
        n={slot.index + 1}
        total={g.images.length}
        prompt={prompt}
        style={style}
        side={side}
      />
    );
  }
  if (slot.state === "pending") return <PendingTile style={style} />;
  if (slot.state === "blocked")
    return <StateTile icon={ShieldAlert} label="Blocked" style={style} />;
  if (slot.state === "failed" && g) {
    const [icon, text] = endedTile(g);
    return <StateTile icon={icon} label={text} style={style} />;
  }
  return <div aria-hidden="true" style={style} />;
}

function PairLine({ members, rows }: { members: Member[]; rows: Slot[][] }) {
  const { openWipe } = useGalleryActions();
  const [medium, large] = [members[0]?.generation ?? null, members[1]?.generation ?? null];
  if (!medium || !large) return null;
  const diff = difference(medium, large);
  const index = rows.findIndex((row) => row.every((s) => s.state === "image"));
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-subtle px-2.5 py-1.5 text-xs">
      <p className="tabular-nums">
        <span className="text-muted">Large vs medium: </span>
        <span className="font-medium">{diff.text}</span>
      </p>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => openWipe(medium, large, Math.max(0, index))}
        disabled={index < 0}
        className="px-2 hover:bg-panel disabled:opacity-50"
      >
        <SplitSquareHorizontal aria-hidden="true" className="size-3.5" />
        Wipe view
      </Button>
    </div>
  );
}
