"use client";
import { useState } from "react";
import { shortPrompt, statusLabel } from "@/lib/client/gallery/format";
import type { Generation } from "@/lib/contract/generations/types";

/**
 * A sentence for screen readers when generations finish, since the card's
 * change is silent. Compared with the previous render, not in an effect, so
 * it is announced with the change itself.
 */
export function useFinishAnnouncement(generations: readonly Generation[]): string {
  const [previous, setPrevious] = useState(generations);
  const [message, setMessage] = useState("");
  if (previous !== generations) {
    setPrevious(generations);
    const wasRunning = new Set(previous.filter((g) => !g.final).map((g) => g.id));
    const finished = generations.filter((g) => g.final && wasRunning.has(g.id));
    if (finished.length === 1 && finished[0]) {
      const g = finished[0];
      setMessage(`${statusLabel(g).label}: ${shortPrompt(g.input?.prompt ?? "generation", 60)}`);
    } else if (finished.length > 1) {
      setMessage(`${finished.length} generations finished.`);
    }
  }
  return message;
}
