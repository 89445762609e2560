"use client";
// One generation: its prompt, images, state and settings. Named by its prompt
// (an <article> labelled by it) so people and tests find it the same way.
import { Button } from "@/components/ui/button";
import { memo, useId, useState } from "react";
import type { Generation } from "@/lib/contract/generations/types";
import { ActionsMenu } from "./actions-menu";
import { CardFacts, SettingsChips } from "./card-meta";
import { CardOutcome, CardProgress } from "./card-status";
import { useGalleryActions } from "./gallery-actions";
import { generationActions } from "./generation-actions";
import { ImageGrid } from "./image-grid";
import { LineageLink } from "./lineage-link";
import { GridLink } from "./grid-link";

/** Longer prompts are clamped to two lines with a toggle. */
const LONG_PROMPT = 100;

export interface GenerationCardProps {
  generation: Generation;
  /** set when the orchestrator no longer knows this generation */
  lostReason?: string;
  /** 1-based place in the feed, and the feed's size (-1 while more pages exist) */
  position: number;
  setSize: number;
  /** feed columns the card spans, and its width in px (lays its images out) */
  span?: number;
  width?: number;
}

export const GenerationCard = memo(function GenerationCard({
  generation: g,
  lostReason,
  position,
  setSize,
  span = 1,
  width,
}: GenerationCardProps) {
  const promptId = useId();
  const statusId = useId();
  const prompt = g.input?.prompt ?? "A workflow the studio cannot read as Krea v2";
  const running = !g.final && !lostReason;

  return (
    <article
      aria-labelledby={promptId}
      aria-describedby={statusId}
      aria-posinset={position}
      aria-setsize={setSize}
      data-generation-ids={g.id}
      tabIndex={-1}
      style={span > 1 ? { gridColumn: `span ${span} / span ${span}` } : undefined}
      className="flex min-w-0 flex-col gap-2.5 rounded-lg border border-border bg-raised p-3 focus-visible:outline-offset-0"
    >
      <CardPrompt id={promptId} prompt={prompt} generation={g} />
      <LineageLink generation={g} />
      <GridLink generation={g} />
      {lostReason ? null : <ImageGrid generation={g} prompt={prompt} width={width} />}
      {running ? (
        <CardProgress generation={g} id={statusId} />
      ) : g.status !== "succeeded" || lostReason ? (
        <CardOutcome generation={g} id={statusId} lostReason={lostReason} />
      ) : null}
      <div className="flex flex-col gap-1.5">
        <SettingsChips generation={g} />
        <CardFacts
          generation={g}
          statusId={g.status === "succeeded" && !lostReason ? statusId : undefined}
        />
      </div>
    </article>
  );
});

export function CardPrompt({
  id,
  prompt,
  generation: g,
  paired = false,
}: {
  id: string;
  prompt: string;
  generation: Generation;
  /** already one side of a tier pair: no "Try on …" */
  paired?: boolean;
}) {
  const actions = useGalleryActions();
  const [expanded, setExpanded] = useState(false);
  const long = prompt.length > LONG_PROMPT;
  return (
    <div className="flex items-start gap-1">
      <div className="min-w-0 flex-1 pt-0.5">
        <p
          id={id}
          className={`text-[13px] leading-5 break-words whitespace-pre-line ${expanded ? "" : "line-clamp-2"}`}
        >
          {prompt}
        </p>
        {long ? (
          <Button
            variant="link"
            aria-expanded={expanded}
            onClick={() => setExpanded((v) => !v)}
            className="text-xs font-medium"
          >
            {expanded ? "Show less" : "Show full prompt"}
          </Button>
        ) : null}
      </div>
      <ActionsMenu
        label="Generation actions"
        className="-mt-0.5 -mr-1"
        // A generation already in a pair (its partner perhaps filtered out) gets no second partner.
        actions={() =>
          generationActions(g, actions, { paired: paired || Boolean(g.metadata.pairId) })
        }
      />
    </div>
  );
}
