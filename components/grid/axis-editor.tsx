"use client";
// One axis of the grid dialog: what varies, and its values (ticks for tier,
// creativity and ratio; a list for seeds and strengths; lines for prompts).
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { inputClass, selectClass, textareaClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { useId } from "react";
import {
  DRAFT_KIND_LABEL,
  DRAFT_KINDS,
  OPTIONS,
  withSeedText,
  type AxisDraft,
  type DraftKind,
} from "@/lib/client/grid/axis-draft";
import { randomSeed } from "@/lib/contract/krea/options";
import { StyleSetChoices } from "./style-set-choices";

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function AxisEditor({
  n,
  draft,
  message,
  referenceCount,
  usedKinds,
  onChange,
  onKind,
  onRemove,
}: {
  n: number;
  draft: AxisDraft;
  message: string | null;
  referenceCount: number;
  usedKinds: readonly DraftKind[];
  onChange: (next: AxisDraft) => void;
  onKind: (kind: DraftKind) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const hint = `${id}-hint`;
  const name = `Axis ${n}`;
  return (
    <fieldset className="rounded-lg border border-border p-3">
      <legend className="px-1 text-xs font-medium">{name}</legend>
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-kind`} className="sr-only">
          {`${name}: what varies`}
        </label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(e) => {
            const kind = DRAFT_KINDS.find((k) => k === e.target.value);
            if (kind) onKind(kind);
          }}
          className={cn(selectClass, "flex-1")}
        >
          {DRAFT_KINDS.map((k) => (
            <option
              key={k}
              value={k}
              disabled={
                (k !== draft.kind && usedKinds.includes(k)) ||
                (k === "strength" && referenceCount === 0)
              }
            >
              {DRAFT_KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <Button
          variant="icon"
          size="md"
          onClick={onRemove}
          aria-label={`Remove ${name.toLowerCase()}`}
        >
          <X aria-hidden="true" className="size-4" />
        </Button>
      </div>
      <div className="mt-2">
        {draft.kind === "size" || draft.kind === "creativity" || draft.kind === "aspectRatio" ? (
          <div role="group" aria-label={`${name} values`} className="flex flex-wrap gap-1.5">
            {OPTIONS[draft.kind].map((v) => (
              <label
                key={v}
                className="flex items-center gap-1.5 rounded-md border border-border bg-raised px-2 py-1 text-xs has-[:checked]:border-accent"
              >
                <input
                  type="checkbox"
                  checked={draft.picked.includes(v)}
                  onChange={(e) =>
                    onChange({
                      ...draft,
                      picked: e.target.checked
                        ? [...draft.picked, v]
                        : draft.picked.filter((p) => p !== v),
                    })
                  }
                />
                {draft.kind === "aspectRatio" ? v : cap(v)}
              </label>
            ))}
          </div>
        ) : draft.kind === "styleSet" ? (
          <StyleSetChoices name={name} draft={draft} onChange={onChange} />
        ) : draft.kind === "prompt" ? (
          <textarea
            aria-label={`${name}: prompts, one per line`}
            aria-describedby={hint}
            aria-invalid={message !== null}
            value={draft.text}
            rows={4}
            onChange={(e) => onChange({ ...draft, text: e.target.value })}
            className={cn(textareaClass, "w-full")}
          />
        ) : (
          <div className="flex items-center gap-2">
            {draft.kind === "strength" ? (
              <select
                aria-label={`${name}: reference`}
                value={draft.reference}
                onChange={(e) => onChange({ ...draft, reference: Number(e.target.value) })}
                className={selectClass}
              >
                {Array.from({ length: referenceCount }, (_, i) => (
                  <option key={i} value={i}>{`Reference ${i + 1}`}</option>
                ))}
              </select>
            ) : null}
            <input
              aria-label={draft.kind === "seed" ? `${name}: seeds` : `${name}: strengths`}
              aria-describedby={hint}
              aria-invalid={message !== null}
              value={draft.text}
              onChange={(e) =>
                onChange(
                  draft.kind === "seed"
                    ? withSeedText(draft, e.target.value, randomSeed)
                    : { ...draft, text: e.target.value },
                )
              }
              className={cn(inputClass, "flex-1 tabular-nums")}
            />
          </div>
        )}
        <p
          id={hint}
          aria-live="polite"
          className={`mt-1 text-xs ${message ? "text-danger" : "text-muted"}`}
        >
          {message ??
            (draft.kind === "seed"
              ? "Seeds separated by commas, or “4 random”."
              : draft.kind === "strength"
                ? "Strengths from −2 to 2 in steps of 0.05."
                : draft.kind === "prompt"
                  ? "Each line is one value of this axis."
                  : draft.kind === "styleSet"
                    ? "Each ticked version is one value; its references replace the builder's."
                    : "")}
        </p>
      </div>
    </fieldset>
  );
}
