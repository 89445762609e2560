"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/client/platform/query-client";
import { LazyToaster } from "./lazy-toaster";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab, created once: a module-level client would be
  // shared between requests on the server.
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <LazyToaster theme="system" position="bottom-right" closeButton />
    </QueryClientProvider>
  );
}
