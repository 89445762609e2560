"use client";
// Lets the builder ask the gallery to bring a generation's card into view (the
// "View" link after Generate: on a phone the new card is far below the
// builder). The gallery subscribes; without a gallery the request goes nowhere.
import { useEffect, useRef } from "react";

type Listener = (generationId: string) => void;
const listeners = new Set<Listener>();

export function requestShowGeneration(generationId: string): void {
  for (const listener of listeners) listener(generationId);
}

/** The gallery calls this once; the latest callback always receives requests. */
export function useShowGenerationRequests(onRequest: Listener): void {
  const latest = useRef(onRequest);
  useEffect(() => {
    latest.current = onRequest;
  });
  useEffect(() => {
    const listener: Listener = (id) => latest.current(id);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
