"use client";
// The header's Token button. The dialog itself (and Radix Dialog with it) loads
// the first time it opens: most visits never open it.
import { Button } from "@/components/ui/button";
import { KeyRound } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { setTokenDialogOpen, useTokenDialogOpen } from "@/lib/client/platform/token-dialog-state";
import type { EngineInfo } from "@/lib/contract/api";

const load = () => import("./token-dialog-body");
const TokenDialogBody = dynamic(() => load().then((m) => m.TokenDialogBody), { ssr: false });

export function TokenDialog({ engine }: { engine: EngineInfo }) {
  const open = useTokenDialogOpen();
  const [used, setUsed] = useState(false);
  if (open && !used) setUsed(true);
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setTokenDialogOpen(true)}
        // Hovering or focusing the button fetches the dialog's code ahead of the click.
        onPointerEnter={() => void load()}
        onFocus={() => void load()}
      >
        <KeyRound aria-hidden="true" className="size-3.5" />
        Token
        {engine.tokenSource === "cookie" && <span className="sr-only"> (set)</span>}
      </Button>
      {used && <TokenDialogBody engine={engine} open={open} />}
    </>
  );
}
