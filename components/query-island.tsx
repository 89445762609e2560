"use client";
// Where TanStack Query's hooks may be used: the gallery, the popovers and
// dialogs that load after hydration, and the pages other than the studio. Each
// island gives its tree the tab's one client, so they share one cache with the
// first-load code that reaches it through lib/client/platform/lazy-query.ts.
// The first load of / has no island: the library loads after hydration.
import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ComponentType, type ReactNode } from "react";
import { sharedQueryClient } from "@/lib/client/platform/query-client";

export function QueryIsland({ children }: { children: ReactNode }) {
  const [client] = useState(sharedQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** The component wrapped in its own island: for the modules that load after hydration. */
export function inQueryIsland<P extends object>(View: ComponentType<P>): ComponentType<P> {
  function Island(props: P) {
    return (
      <QueryIsland>
        <View {...props} />
      </QueryIsland>
    );
  }
  Island.displayName = `QueryIsland(${View.displayName ?? View.name})`;
  return Island;
}
