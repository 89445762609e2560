"use client";
// Buzz charged this session, read from the generations cache the gallery keeps
// up to date; the builder records each submitted id.
import { useEffect, useState } from "react";
import {
  mergeCharges,
  readSpend,
  totalSpend,
  writeSpend,
  type SpendRecord,
  type SpendTotal,
} from "@/lib/client/builder/session-spend";
import { sessionStore } from "@/lib/client/platform/session-store";
import { allCachedGenerations, GENERATIONS_KEY } from "@/lib/client/gallery/cache";
import { useLazyQueryClient } from "@/lib/client/platform/lazy-query";
import { createEvents } from "@/lib/client/platform/store";

const recorded = createEvents<void>();

/** Tells the header a generation was recorded for this session. */
export function notifySessionSpend(): void {
  recorded.emit();
}

const sameRecord = (a: SpendRecord, b: SpendRecord) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

export function useSessionSpend(): SpendTotal {
  // The generations cache arrives with the query library, after hydration; until
  // then the total is what this tab recorded.
  const queryClient = useLazyQueryClient();
  const [record, setRecord] = useState<SpendRecord>({});

  useEffect(() => {
    const store = sessionStore();
    const update = () => {
      const saved = readSpend(store);
      const merged = queryClient ? mergeCharges(saved, allCachedGenerations(queryClient)) : saved;
      if (merged !== saved) writeSpend(store, merged);
      setRecord((prev) => (sameRecord(prev, merged) ? prev : merged));
    };
    update();
    const unsubscribe = queryClient?.getQueryCache().subscribe((event) => {
      if (event.query.queryKey[0] === GENERATIONS_KEY[0]) update();
    });
    const stopListening = recorded.on(update);
    return () => {
      unsubscribe?.();
      stopListening();
    };
  }, [queryClient]);

  return totalSpend(record);
}
