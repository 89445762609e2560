"use client";
// The builder's "Style sets" button. The picker behind it (Radix popover, the
// sets query, thumbnails) is fetched on first hover, focus or click, so the
// page's first load carries one plain button.
import { Button } from "@/components/ui/button";
import { ChevronDown, Library } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import type { ListAccess } from "@/lib/client/references/list";

const loadPicker = () => import("./sets-picker");
const SetsPicker = lazy(() => loadPicker().then((m) => ({ default: m.SetsPicker })));

function PlainTrigger({ onOpen }: { onOpen?: () => void }) {
  return (
    <Button
      variant="secondary"
      size="xs"
      aria-haspopup="dialog"
      aria-expanded={false}
      onClick={onOpen}
      onPointerEnter={() => void loadPicker()}
      onFocus={() => void loadPicker()}
      className="data-[state=open]:bg-subtle"
    >
      <Library aria-hidden="true" className="size-3.5" />
      Style sets
      <ChevronDown aria-hidden="true" className="size-3 text-muted" />
    </Button>
  );
}

export function StyleSetsButton({ list }: { list: ListAccess }) {
  const [active, setActive] = useState(false);
  if (!active) return <PlainTrigger onOpen={() => setActive(true)} />;
  return (
    <Suspense fallback={<PlainTrigger />}>
      <SetsPicker list={list} defaultOpen />
    </Suspense>
  );
}
