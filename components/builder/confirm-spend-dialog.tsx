"use client";
// "This click spends 1,300 Buzz": what each workflow costs, the total, and the
// limit above which the studio asks, editable right here.
import { Zap } from "lucide-react";
import { Dialog } from "radix-ui";
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
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(26rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border bg-panel p-5 shadow-xl">
          <Dialog.Title className="text-base font-semibold">
            {plan.title}: spend {formatBuzz(plan.total)} Buzz?
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted">
            {plan.members.length === 1
              ? "One generation."
              : `${plan.members.length} generations, each charged on its own.`}
          </Dialog.Description>
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
              className="h-7 w-20 rounded-md border border-border bg-raised px-2 text-right text-foreground tabular-nums"
            />
            <span>Buzz</span>
          </div>
          <div className="mt-4 flex justify-end gap-2">
            <Dialog.Close className="h-8 rounded-md px-3 text-sm font-medium hover:bg-subtle">
              Cancel
            </Dialog.Close>
            <button
              type="button"
              onClick={() => {
                onClose();
                run();
              }}
              className="inline-flex h-8 items-center gap-1.5 rounded-md bg-accent px-3 text-sm font-semibold text-accent-foreground hover:brightness-110"
            >
              <Zap aria-hidden="true" className="size-4" />
              Spend {formatBuzz(plan.total)} Buzz
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
