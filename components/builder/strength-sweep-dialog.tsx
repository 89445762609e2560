"use client";
// Which reference to sweep and at which strengths (−2..2 in 0.05 steps, two to
// six of them), with the total before anything is sent. A list the sweep could
// not send as typed never leaves this dialog: the message names what is wrong
// and the run button stays off until it is fixed.
import { Button } from "@/components/ui/button";
import { Dialog, RadioGroup } from "radix-ui";
import { useId, useState } from "react";
import {
  DEFAULT_STRENGTHS,
  formatStrengthValue,
  parseStrengthList,
} from "@/lib/client/builder/submit-plans";
import { formatBuzz } from "@/lib/contract/krea/pricing";

const format = (values: readonly number[]) => values.map(formatStrengthValue).join(", ");

export function StrengthSweepDialog({
  references,
  memberCost,
  onRun,
  onClose,
}: {
  references: readonly { imageUrl: string; strength?: number }[];
  memberCost: number;
  onRun: (referenceIndex: number, strengths: number[]) => void;
  onClose: () => void;
}) {
  const [reference, setReference] = useState("0");
  const [text, setText] = useState(format(DEFAULT_STRENGTHS));
  const parsed = parseStrengthList(text);
  const strengths = parsed.ok ? parsed.values : null;
  const inputId = useId();
  const hintId = useId();
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(26rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border bg-panel p-5 shadow-xl">
          <Dialog.Title className="text-base font-semibold">Strength sweep</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted">
            One reference at several strengths; prompt, seed and every other reference stay the
            same.
          </Dialog.Description>
          <form
            className="mt-3 flex flex-col gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (strengths) onRun(Number(reference), strengths);
            }}
          >
            <fieldset>
              <legend className="mb-1 text-xs font-medium">Reference</legend>
              <RadioGroup.Root
                value={reference}
                onValueChange={setReference}
                aria-label="Reference"
                className="flex flex-wrap gap-1.5"
              >
                {references.map((r, i) => (
                  <RadioGroup.Item
                    key={i}
                    value={String(i)}
                    aria-label={`Reference ${i + 1} (strength ${formatStrengthValue(r.strength ?? 1)})`}
                    className="flex items-center gap-1.5 rounded-md border border-border bg-raised p-1 pr-2 text-xs data-[state=checked]:border-accent data-[state=checked]:ring-1 data-[state=checked]:ring-accent"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- a signed reference URL */}
                    <img src={r.imageUrl} alt="" className="size-8 rounded object-cover" />
                    <span className="tabular-nums">
                      {i + 1} · {formatStrengthValue(r.strength ?? 1)}
                    </span>
                  </RadioGroup.Item>
                ))}
              </RadioGroup.Root>
            </fieldset>
            <div className="flex flex-col gap-1">
              <label htmlFor={inputId} className="text-xs font-medium">
                Strengths
              </label>
              <input
                id={inputId}
                value={text}
                onChange={(e) => setText(e.target.value)}
                aria-invalid={strengths === null}
                aria-describedby={hintId}
                className="h-8 rounded-md border border-border bg-raised px-2 text-sm tabular-nums aria-invalid:border-danger"
              />
              <p
                id={hintId}
                aria-live="polite"
                className={`text-xs ${strengths ? "text-muted" : "text-danger"}`}
              >
                {strengths
                  ? `${strengths.length} generations: ${format(strengths)}`
                  : `${parsed.ok ? "" : parsed.message} Two to six numbers from −2 to 2, separated by commas.`}
              </p>
            </div>
            <div className="flex items-center justify-end gap-2">
              <Dialog.Close
                type="button"
                className="h-8 rounded-md px-3 text-sm font-medium hover:bg-subtle"
              >
                Cancel
              </Dialog.Close>
              <Button
                variant="primary"
                type="submit"
                disabled={!strengths}
                className="font-semibold tabular-nums disabled:opacity-50"
              >
                Run sweep · {formatBuzz((strengths?.length ?? 0) * memberCost)} Buzz
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
