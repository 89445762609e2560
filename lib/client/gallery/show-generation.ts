"use client";
// Lets the builder ask the gallery to bring a generation's card into view (the
// "View" link after Generate: on a phone the new card is far below the
// builder). The gallery listens; without a gallery the request goes nowhere.
import { createEvents, useEvents } from "@/lib/client/platform/store";

const showRequests = createEvents<string>();

export function requestShowGeneration(generationId: string): void {
  showRequests.emit(generationId);
}

/** The gallery calls this once; the latest callback always receives requests. */
export function useShowGenerationRequests(onRequest: (generationId: string) => void): void {
  useEvents(showRequests, onRequest);
}
