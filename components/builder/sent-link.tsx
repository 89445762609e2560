"use client";
// Under Generate on a phone, once a submit went through: the new card lands
// far below the builder, so say it started and offer the way there. On wider
// screens the gallery sits beside the builder and the card is in view.
import { Button } from "@/components/ui/button";
import { ArrowDown } from "lucide-react";
import { requestShowGeneration } from "@/lib/client/gallery/show-generation";

export interface SentNotice {
  /** the (first) generation the click made */
  id: string;
  /** "Compare tiers" etc.; null for a plain Generate */
  what: string | null;
}

export function SentLink({ notice, onDone }: { notice: SentNotice; onDone: () => void }) {
  return (
    <p role="status" className="mb-2 flex items-center gap-2 text-xs text-muted md:hidden">
      <span className="min-w-0 flex-1">
        {notice.what ?? "Generate"} sent: the new card is in the gallery below.
      </span>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          requestShowGeneration(notice.id);
          onDone();
        }}
        className="gap-1 px-2"
      >
        <ArrowDown aria-hidden="true" className="size-3.5" />
        View
      </Button>
    </p>
  );
}
