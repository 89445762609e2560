"use client";

import { Button } from "@/components/ui/button";
import { Dices, Minus, Pin, PinOff, Plus } from "lucide-react";
import { useBuilderForm, useField, useTextField } from "@/lib/client/builder/form-state";
import { QUANTITY_MAX, QUANTITY_MIN, randomSeed } from "@/lib/contract/krea/options";
import { FieldError, inputClass } from "@/components/ui/field";

/** "" is no number yet; anything unparsable becomes NaN so the schema names the problem. */
const toQuantity = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));
const toSeed = (v: string) => {
  const text = v.trim();
  if (text === "") return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
};

/** Quantity (1–10, with steppers) beside the seed (random, or pinned and shown). */
export function QuantitySeedFields({ lastSeed }: { lastSeed: number | null }) {
  const form = useBuilderForm();
  const { value: quantityValue, error: quantityError } = useField("quantity");
  const { value: seedValue, error: seedError } = useField("seed");
  const quantityText = useTextField("quantity", toQuantity);
  const seedText = useTextField("seed", toSeed);
  const quantity = quantityValue ?? QUANTITY_MIN;
  const seed = seedValue ?? null;
  const pinned = seed !== null;

  const step = (delta: number) => {
    const current = form.get("quantity");
    const base = current !== undefined && Number.isInteger(current) ? current : QUANTITY_MIN;
    const next = Math.min(QUANTITY_MAX, Math.max(QUANTITY_MIN, base + delta));
    form.set("quantity", next, { validate: true });
  };
  const pin = (value: number | null) => form.set("seed", value, { validate: true });

  return (
    <div className="grid grid-cols-[auto_1fr] gap-x-3 px-4 py-3">
      <div>
        <label htmlFor="quantity" className="mb-1.5 block text-xs font-medium">
          Quantity
        </label>
        <div className="flex gap-1">
          <Button
            variant="icon"
            size="md"
            aria-label="Fewer images"
            className="border border-border bg-raised hover:border-border-strong disabled:pointer-events-none disabled:opacity-40"
            disabled={Number.isInteger(quantity) && quantity <= QUANTITY_MIN}
            onClick={() => step(-1)}
          >
            <Minus aria-hidden="true" className="size-3.5" />
          </Button>
          <input
            id="quantity"
            type="number"
            inputMode="numeric"
            min={QUANTITY_MIN}
            max={QUANTITY_MAX}
            step={1}
            aria-invalid={quantityError ? true : undefined}
            aria-describedby={quantityError ? "quantity-error" : undefined}
            className={`${inputClass} w-11 [appearance:textfield] text-center tabular-nums [&::-webkit-inner-spin-button]:appearance-none`}
            {...quantityText}
          />
          <Button
            variant="icon"
            size="md"
            aria-label="More images"
            className="border border-border bg-raised hover:border-border-strong disabled:pointer-events-none disabled:opacity-40"
            disabled={Number.isInteger(quantity) && quantity >= QUANTITY_MAX}
            onClick={() => step(1)}
          >
            <Plus aria-hidden="true" className="size-3.5" />
          </Button>
        </div>
      </div>

      <div className="min-w-0">
        <div className="mb-1.5 flex items-baseline justify-between gap-2">
          <label htmlFor="seed" className="text-xs font-medium">
            Seed
          </label>
          <span className="text-[11px] text-muted">{pinned ? "Pinned" : "Random"}</span>
        </div>
        <div className="flex gap-1">
          <input
            id="seed"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            placeholder="Random"
            aria-invalid={seedError ? true : undefined}
            aria-describedby={seedError ? "seed-error" : "seed-note"}
            className={`${inputClass} w-full min-w-0 tabular-nums`}
            {...seedText}
          />
          <Button
            variant="icon"
            size="md"
            aria-label="Random seed"
            title="Draw a random seed and pin it"
            className="border border-border bg-raised hover:border-border-strong disabled:pointer-events-none disabled:opacity-40"
            onClick={() => pin(randomSeed())}
          >
            <Dices aria-hidden="true" className="size-4" />
          </Button>
          {pinned && (
            <Button
              variant="icon"
              size="md"
              aria-label="Unpin seed"
              title="Draw a new seed at each Generate"
              className="border border-border bg-raised hover:border-border-strong disabled:pointer-events-none disabled:opacity-40"
              onClick={() => pin(null)}
            >
              <PinOff aria-hidden="true" className="size-3.5" />
            </Button>
          )}
        </div>
      </div>

      <div className="col-span-2">
        <FieldError id="quantity-error" message={quantityError} />
        <FieldError id="seed-error" message={seedError} />
        <SeedNote
          seed={seedError ? null : seed}
          invalid={Boolean(seedError)}
          quantity={quantity}
          lastSeed={lastSeed}
          onPin={pin}
        />
      </div>
    </div>
  );
}

function SeedNote({
  seed,
  invalid,
  quantity,
  lastSeed,
  onPin,
}: {
  seed: number | null;
  /** the seed field holds an error: its message says it all, the note says nothing */
  invalid: boolean;
  quantity: number;
  lastSeed: number | null;
  onPin: (seed: number) => void;
}) {
  const batch = Number.isInteger(quantity) && quantity > 1;
  let text: string;
  if (invalid) {
    text = "";
  } else if (seed === null) {
    text = batch
      ? `A new seed at each Generate; all ${quantity} images of a batch share it.`
      : "A new seed at each Generate.";
  } else if (Number.isInteger(seed)) {
    text = batch
      ? `Every image of the batch uses the same seed, ${seed}.`
      : `Every Generate uses seed ${seed}.`;
  } else {
    text = "";
  }
  return (
    <p id="seed-note" className="mt-1.5 flex flex-wrap items-center gap-x-2 text-[11px] text-muted">
      <span>{text}</span>
      {!invalid && seed === null && lastSeed !== null && (
        <Button
          variant="bare"
          onClick={() => onPin(lastSeed)}
          className="inline-flex items-center gap-1 rounded-sm text-foreground underline decoration-border-strong underline-offset-2 hover:decoration-foreground"
        >
          <Pin aria-hidden="true" className="size-3" />
          Pin last seed <span className="tabular-nums">{lastSeed}</span>
        </Button>
      )}
    </p>
  );
}
