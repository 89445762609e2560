"use client";
// Lets any part of the page hand settings to the builder ("Reuse settings",
// "Remix", applying a style set) without lifting the form's state up. The builder
// subscribes; a request replaces only what it carries and never clears the
// prompt the designer is typing unless it brings a new one.
import { useEffect, useRef } from "react";
import type { KreaInput } from "@/lib/contract/krea/schema";

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

type Listener = (request: BuilderLoadRequest) => void;
const listeners = new Set<Listener>();

export function requestBuilderLoad(request: BuilderLoadRequest): void {
  for (const listener of listeners) listener(request);
}

/** The builder calls this once; the latest callback always receives requests. */
export function useBuilderLoadRequests(onRequest: Listener): void {
  const latest = useRef(onRequest);
  useEffect(() => {
    latest.current = onRequest;
  });
  useEffect(() => {
    const listener: Listener = (r) => latest.current(r);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
