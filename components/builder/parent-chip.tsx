"use client";
// "From “a lighthouse…”": the builder says which generation its settings came
// from, because what it makes next records that one as its parent. The × lets
// the designer start a fresh line instead.
import { Button } from "@/components/ui/button";
import { CornerDownRight, X } from "lucide-react";

export function ParentChip({ prompt, onClear }: { prompt: string; onClear: () => void }) {
  return (
    <p className="mb-2 flex min-w-0 items-center gap-1 text-xs text-muted">
      <CornerDownRight aria-hidden="true" className="size-3.5 shrink-0" />
      <span className="truncate">
        Next generation is made from <span className="text-foreground">“{prompt}”</span>
      </span>
      <Button
        variant="icon"
        size="xs"
        onClick={onClear}
        aria-label="Don’t record a parent"
        title="Don’t record a parent"
        className="ml-auto"
      >
        <X aria-hidden="true" className="size-3.5" />
      </Button>
    </p>
  );
}
