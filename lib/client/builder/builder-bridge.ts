"use client";
// Lets any part of the page hand settings to the builder ("Reuse settings",
// "Remix", applying a style set) without lifting the form's state up. The builder
// listens; a request replaces only what it carries and never clears the
// prompt the designer is typing unless it brings a new one.
import type { KreaInput } from "@/lib/contract/krea/schema";
import { createEvents, useEvents } from "@/lib/client/platform/store";

export interface BuilderLoadRequest {
  /** the settings to load; fields left out stay as they are */
  settings: Partial<KreaInput>;
  /** pin the seed from settings (Rerun) or draw a fresh one (Remix) */
  seed: "keep" | "random";
  /** where it came from, for the toast ("Loaded settings from …") */
  source?: string;
  /** the generation the settings come from: what the builder makes next records it as parent */
  parent?: { id: string; prompt: string };
}

const loadRequests = createEvents<BuilderLoadRequest>();

export function requestBuilderLoad(request: BuilderLoadRequest): void {
  loadRequests.emit(request);
}

/** The builder calls this once; the latest callback always receives requests. */
export function useBuilderLoadRequests(onRequest: (request: BuilderLoadRequest) => void): void {
  useEvents(loadRequests, onRequest);
}
