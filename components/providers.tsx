"use client";

import type { ReactNode } from "react";
import { LazyToaster } from "./lazy-toaster";

// No QueryClientProvider here: TanStack Query stays out of the first load
// (components/query-island.tsx says where its hooks live).
export function Providers({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <LazyToaster theme="system" position="bottom-right" closeButton />
    </>
  );
}
