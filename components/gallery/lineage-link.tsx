"use client";
// "Remix of “a lighthouse…”": where a generation came from, as a link that
// brings the parent into view (its card when loaded, the lightbox otherwise).
// The parent's prompt is read from the loaded history, or fetched once when
// the card is on screen and the parent is older than what is loaded.
import { Button } from "@/components/ui/button";
import { CornerDownRight } from "lucide-react";
import { shortPrompt } from "@/lib/client/gallery/format";
import type { Generation } from "@/lib/contract/generations/types";
import { useGeneration } from "@/lib/client/gallery/use-generation";
import { useGalleryActions } from "./gallery-actions";

const KIND_LABEL: Record<string, string> = {
  reuse: "From",
  remix: "Remix of",
  rerun: "Rerun of",
  tier: "Same seed as",
  sweep: "Sweep of",
};

export function lineageLabel(kind: string | undefined): string {
  return KIND_LABEL[kind ?? "reuse"] ?? "From";
}

export function LineageLink({
  generation: g,
  onOpen,
  className = "-mt-1",
}: {
  generation: Generation;
  /** what following the link does; the card brings the parent's card into view */
  onOpen?: (parentId: string) => void;
  className?: string;
}) {
  const { showGeneration, findGeneration } = useGalleryActions();
  const parentId = g.metadata.parentId;
  const loaded = parentId ? findGeneration(parentId) : undefined;
  const fetched = useGeneration(parentId, Boolean(parentId) && !loaded);
  if (!parentId) return null;
  const parent = loaded ?? fetched.data;
  const prompt = parent?.input?.prompt;
  const what = prompt
    ? `“${shortPrompt(prompt, 48)}”`
    : fetched.isError
      ? "a generation no longer available"
      : "an earlier generation";
  const label = lineageLabel(g.metadata.lineageKind);
  return (
    <Button
      variant="bare"
      // The full prompt on hover: the line is cut to the card's width.
      title={prompt ? `${label} “${prompt}”` : undefined}
      onClick={() => (onOpen ?? showGeneration)(parentId)}
      disabled={fetched.isError && !loaded}
      className={`${className} flex max-w-full min-w-0 items-center gap-1 self-start text-left text-xs text-muted hover:text-foreground hover:underline disabled:no-underline`}
    >
      <CornerDownRight aria-hidden="true" className="size-3.5 shrink-0" />
      <span className="truncate">
        {label} {what}
      </span>
    </Button>
  );
}
