"use client";
// sonner's Toaster, loaded when the first toast is asked for (lib/client/platform/toast.ts).
// On phones toasts drop from under the header: at the bottom they covered
// Generate, Compare and the sweeps (the builder's bar) and the selection bar.
import { useEffect, useState, useSyncExternalStore, type ComponentType } from "react";
import type { ToasterProps } from "sonner";
import { toasterReady, useToasterWanted } from "@/lib/client/platform/toast";

type Loaded = { Toaster: ComponentType<ToasterProps>; toast: Parameters<typeof toasterReady>[0] };

const NARROW = "(max-width: 767px)";
const onNarrowChange = (notify: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", notify);
  return () => query.removeEventListener("change", notify);
};

export function LazyToaster(props: ToasterProps) {
  const wanted = useToasterWanted();
  const narrow = useSyncExternalStore(
    onNarrowChange,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
  const [sonner, setSonner] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!wanted || sonner) return;
    let live = true;
    void import("sonner").then((module) => {
      if (live) setSonner({ Toaster: module.Toaster, toast: module.toast });
    });
    return () => {
      live = false;
    };
  }, [wanted, sonner]);
  // After the Toaster's own effect has subscribed (children's effects run first).
  useEffect(() => {
    if (sonner) toasterReady(sonner.toast);
  }, [sonner]);
  if (!sonner) return null;
  const { Toaster } = sonner;
  // Below the header on phones, so the spend figure and Token stay in sight.
  return (
    <Toaster
      {...props}
      position={narrow ? "top-center" : props.position}
      mobileOffset={{ top: "4.5rem" }}
      offset={narrow ? { top: "4.5rem" } : props.offset}
    />
  );
}
