"use client";
// What a card, an image menu or the lightbox can ask the gallery to do, and the
// small actions they share (copy, reuse, download) with their toasts.
import { createContext, use } from "react";
import type { SubmitPlan } from "@/lib/client/builder/submit-plans";
import { toast } from "@/lib/client/platform/toast";
import { downloadImage } from "@/lib/client/gallery/download";
import { shortPrompt } from "@/lib/client/gallery/format";
import type { Generation } from "@/lib/contract/generations/types";
import { requestBuilderLoad } from "@/lib/client/builder/builder-bridge";

export interface GalleryActions {
  openImage(imageId: string): void;
  showApiRequest(generationId: string): void;
  /** brings a generation into view: its card when loaded, else the lightbox */
  showGeneration(generationId: string): void;
  /** opens a generation's first image in the lightbox, loaded or not */
  openGeneration(generationId: string): void;
  /** the loaded generation with this id, if any (stable: reads the latest list) */
  findGeneration(generationId: string): Generation | undefined;
  openWipe(medium: Generation, large: Generation, index: number): void;
  /** submits a plan, asking first above the designer's limit */
  runPlan(plan: SubmitPlan): void;
}

export const GalleryActionsContext = createContext<GalleryActions | null>(null);

export function useGalleryActions(): GalleryActions {
  const actions = use(GalleryActionsContext);
  if (!actions) throw new Error("useGalleryActions needs a GalleryActionsContext provider");
  return actions;
}

export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(`${what} copied`);
  } catch {
    toast.error(`Couldn't copy the ${what.toLowerCase()}`, {
      description: "The browser refused clipboard access. Select the text and copy it by hand.",
    });
  }
}

export function copySeed(g: Generation): void {
  const seed = g.input?.seed;
  if (typeof seed === "number") void copyText(String(seed), `Seed ${seed}`);
}

/** Loads the generation's settings, seed included, into the builder, which records it as parent. */
export function reuseSettings(g: Generation): void {
  if (!g.input) return;
  requestBuilderLoad({
    settings: g.input,
    seed: "keep",
    source: `“${shortPrompt(g.input.prompt, 40)}”`,
    parent: { id: g.id, prompt: g.input.prompt },
  });
}

export function download(g: Generation, n: number): void {
  downloadImage(g, n).catch((error: unknown) => {
    toast.error("Couldn't download the image", {
      description: error instanceof Error ? error.message : "Try again in a moment.",
    });
  });
}
