"use client";
// "Copy as API request": the exact body the studio sent for a generation, as a
// cURL command and as JSON, ready to paste into a terminal or a script. Loaded
// on demand. The token is always a placeholder.
import { Button } from "@/components/ui/button";
import { Copy } from "lucide-react";
import {
  Dialog,
  DialogCloseButton,
  DialogContent,
  DialogDescription,
  DialogTitle,
} from "@/components/ui/dialog";
import { useId } from "react";
import { apiRequestText, TOKEN_PLACEHOLDER } from "@/lib/contract/generations/api-request";
import type { Generation } from "@/lib/contract/generations/types";
import { copyText } from "./gallery-actions";

export function ApiRequestDialog({
  generation,
  onClose,
}: {
  generation: Generation;
  onClose: () => void;
}) {
  const text = apiRequestText(generation);
  return (
    // Above the lightbox it may open from.
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        overlayClassName="z-[60] bg-black/50"
        className="z-[60] flex max-h-[calc(100dvh-2rem)] w-[min(44rem,calc(100vw-2rem))] flex-col gap-4 overflow-y-auto shadow-2xl outline-none"
      >
        <div className="flex items-start gap-3">
          <div className="min-w-0 flex-1">
            <DialogTitle className="text-sm">Copy as API request</DialogTitle>
            <DialogDescription className="text-xs leading-relaxed">
              The exact workflow the studio submitted to the Civitai orchestrator for this
              generation, seed included, so the same request gives the same images. Set{" "}
              <code className="font-mono">{TOKEN_PLACEHOLDER.slice(1)}</code> in your shell first;
              no token is ever shown here.
            </DialogDescription>
          </div>
          <DialogCloseButton className="-mt-1 -mr-1" />
        </div>
        {text ? (
          <>
            <CodeBlock title="cURL" what="cURL command" code={text.curl} />
            <CodeBlock title="JSON body" what="JSON body" code={text.json} />
            <p className="text-xs leading-relaxed text-muted">
              Left out on purpose: the studio also sent an{" "}
              <code className="font-mono">externalId</code> (its idempotency key), so a retried
              submit is never charged twice. Add your own unique{" "}
              <code className="font-mono">&quot;externalId&quot;</code> when you send this; reusing
              the studio’s would return the original workflow instead of running a new one.
            </p>
          </>
        ) : (
          <p className="text-xs text-muted">
            This workflow is not a Krea v2 request the studio can read, so there is no body to show.
          </p>
        )}
      </DialogContent>
    </Dialog>
  );
}

function CodeBlock({ title, what, code }: { title: string; what: string; code: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-1.5">
      <div className="flex items-center justify-between">
        <h3 id={headingId} className="text-xs font-semibold text-muted">
          {title}
        </h3>
        <Button
          variant="secondary"
          size="xs"
          onClick={() => void copyText(code, what)}
          className="text-xs"
        >
          <Copy aria-hidden="true" className="size-3.5" />
          Copy {title}
        </Button>
      </div>
      {/* Focusable so keyboard users can scroll long bodies. */}
      <pre
        tabIndex={0}
        aria-labelledby={headingId}
        className="max-h-64 overflow-auto rounded-md border border-border bg-subtle p-3 font-mono text-[12px] leading-5"
      >
        <code>{code}</code>
      </pre>
    </section>
  );
}
