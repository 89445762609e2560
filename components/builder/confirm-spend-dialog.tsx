"use client";
// "This click spends 1,300 Buzz": what each workflow costs, the total, and the
// limit above which the studio asks, editable right here.
import { Button } from "@/components/ui/button";
import { Zap } from "lucide-react";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogTitle,
} from "@/components/ui/dialog";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { useId, useState } from "react";
import {
  DEFAULT_CONFIRM_ABOVE,
  localStore,
  readConfirmAbove,
  writeConfirmAbove,
} from "@/lib/client/builder/spend-threshold";
import { formatBuzz } from "@/lib/contract/krea/pricing";
import type { ConfirmRequest } from "@/lib/client/builder/confirm-request";

export function ConfirmSpendDialog({
  request,
  onClose,
}: {
  request: ConfirmRequest;
  onClose: () => void;
}) {
  const { plan, run } = request;
  const [limit, setLimit] = useState(() => String(readConfirmAbove(localStore())));
  const limitId = useId();
  const saveLimit = (text: string) => {
    setLimit(text);
    if (/^\d{1,7}$/.test(text)) writeConfirmAbove(localStore(), Number(text));
  };
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className="w-[min(26rem,calc(100vw-2rem))]">
        <DialogTitle>
          {plan.title}: spend {formatBuzz(plan.total)} Buzz?
        </DialogTitle>
        <DialogDescription>
          {plan.members.length === 1
            ? "One generation."
            : `${plan.members.length} generations, each charged on its own.`}
        </DialogDescription>
        <ul className="mt-3 divide-y divide-border rounded-md border border-border text-xs">
          {plan.members.map((m, i) => (
            <li key={i} className="flex justify-between gap-3 px-2.5 py-1.5 tabular-nums">
              <span>
                {m.label} · {m.input.quantity} image{m.input.quantity === 1 ? "" : "s"}
              </span>
              <span>{formatBuzz(m.cost)} Buzz</span>
            </li>
          ))}
          <li className="flex justify-between gap-3 px-2.5 py-1.5 font-semibold tabular-nums">
            <span>Total</span>
            <span>{formatBuzz(plan.total)} Buzz</span>
          </li>
        </ul>
        <div className="mt-3 flex items-center gap-2 text-xs text-muted">
          <label htmlFor={limitId}>Ask before spending more than</label>
          <input
            id={limitId}
            inputMode="numeric"
            value={limit}
            onChange={(e) => saveLimit(e.target.value.replace(/\D/g, "").slice(0, 7))}
            onBlur={() => limit === "" && saveLimit(String(DEFAULT_CONFIRM_ABOVE))}
            className={cn(controlClass, "h-7 w-20 px-2 text-right tabular-nums")}
          />
          <span>Buzz</span>
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="ghost" className="text-foreground">
              Cancel
            </Button>
          </DialogClose>
          <Button
            variant="primary"
            onClick={() => {
              onClose();
              run();
            }}
            className="font-semibold"
          >
            <Zap aria-hidden="true" className="size-4" />
            Spend {formatBuzz(plan.total)} Buzz
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
