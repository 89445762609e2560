"use client";
// Which reference to sweep and at which strengths (−2..2 in 0.05 steps, two to
// six of them), with the total before anything is sent. A list the sweep could
// not send as typed never leaves this dialog: the message names what is wrong
// and the run button stays off until it is fixed.
import { Button } from "@/components/ui/button";
import { RadioGroup } from "radix-ui";
import { cn } from "@/components/ui/cn";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogTitle,
} from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/field";
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
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className="w-[min(26rem,calc(100vw-2rem))]">
        <DialogTitle>Strength sweep</DialogTitle>
        <DialogDescription>
          One reference at several strengths; prompt, seed and every other reference stay the same.
        </DialogDescription>
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
              className={cn(inputClass, "px-2 tabular-nums")}
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
            <DialogClose asChild>
              <Button variant="ghost" className="text-foreground">
                Cancel
              </Button>
            </DialogClose>
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
      </DialogContent>
    </Dialog>
  );
}
