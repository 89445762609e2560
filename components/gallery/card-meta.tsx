"use client";
// The numbers a designer decides on, under every card: tier, ratio and output
// size, creativity, quantity, seed (one click copies it), style references,
// Buzz charged against the quote, wall time and when it ran.
import { Button } from "@/components/ui/button";
import type { ReactNode } from "react";
import {
  buzzLine,
  formatDuration,
  formatRelative,
  settingsSummary,
  wallSeconds,
} from "@/lib/client/gallery/format";
import type { Generation } from "@/lib/contract/generations/types";
import { useNow } from "@/lib/client/platform/use-now";
import { copySeed } from "./gallery-actions";
import { Glyph } from "./glyph";

const CHIP =
  "inline-flex items-center gap-1 rounded-sm bg-subtle px-1.5 py-px text-[11px] font-medium text-muted";

export function SettingsChips({
  generation: g,
  omit,
}: {
  generation: Generation;
  /** a setting the card shows per member instead (the tier of a pair, the varied value of a sweep) */
  omit?: "size" | "creativity" | "strength";
}) {
  if (!g.input) return null;
  const seed = g.input.seed;
  const hidden = omit === "strength" ? "refs" : omit;
  const set = g.metadata.styleSet;
  return (
    <ul aria-label="Settings" className="flex flex-wrap gap-1">
      {settingsSummary(g.input, g)
        .filter((item) => item.key !== hidden)
        .map((item) => (
          <li key={item.key} title={item.title} className={CHIP}>
            {item.label}
          </li>
        ))}
      {typeof seed === "number" ? (
        <li className="contents">
          <Button
            variant="bare"
            onClick={() => copySeed(g)}
            aria-label={`Copy seed ${seed}`}
            title="Copy seed"
            className={`${CHIP} tabular-nums hover:bg-border hover:text-foreground`}
          >
            Seed {seed}
            <Glyph name="copy" className="size-3" />
          </Button>
        </li>
      ) : null}
      {set ? (
        <li className="contents">
          {/* A plain link: the gallery reads ?styleSet= when the page loads. */}
          <a
            href={`/?styleSet=${encodeURIComponent(set.id)}`}
            title={`Made with style set “${set.name}”, version ${set.version}${set.approved === undefined ? "" : set.approved ? ", the approved version at the time" : ", not the approved version at the time"}. Show only its generations.`}
            className={`${CHIP} max-w-48 hover:bg-border hover:text-foreground`}
          >
            <span className="truncate">
              Set: {set.name} v{set.version}
            </span>
            {set.approved === undefined ? null : set.approved ? (
              <span className="shrink-0 text-accent">· approved</span>
            ) : (
              <span className="shrink-0">· not approved</span>
            )}
          </a>
        </li>
      ) : null}
    </ul>
  );
}

function RelativeTime({ iso }: { iso: string }) {
  const now = useNow(30_000);
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {formatRelative(iso, now)}
    </time>
  );
}

/** Status (when it succeeded), Buzz, wall time and age on one quiet line. */
export function CardFacts({
  generation: g,
  statusId,
  ageOnly = false,
}: {
  generation: Generation;
  statusId?: string;
  /** a group card shows each member's Buzz and time itself */
  ageOnly?: boolean;
}) {
  if (ageOnly) {
    return (
      <p className="text-xs text-muted">
        <RelativeTime iso={g.createdAt} />
      </p>
    );
  }
  const buzz = buzzLine(g);
  const wall = wallSeconds(g);
  const parts: ReactNode[] = [];
  if (statusId) {
    parts.push(
      <span
        key="status"
        id={statusId}
        className="inline-flex items-center gap-1 font-medium text-success"
      >
        <Glyph name="check" className="size-3.5" />
        Succeeded
      </span>,
    );
  }
  parts.push(
    <span key="buzz" title={buzz.title}>
      {buzz.text}
    </span>,
  );
  if (wall !== null) {
    parts.push(
      <span key="wall" title="Wall time, from submit to done">
        {formatDuration(wall)}
      </span>,
    );
  }
  parts.push(<RelativeTime key="age" iso={g.createdAt} />);
  // Separators are drawn by CSS: no extra elements per card.
  return (
    <p className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-muted tabular-nums [&>*+*]:before:mr-1.5 [&>*+*]:before:content-['·']">
      {parts}
    </p>
  );
}
