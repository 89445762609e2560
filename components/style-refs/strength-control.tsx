"use client";
// A reference's strength: a slider (−2…2 in 0.05 steps, filled from 0 so the
// sign is visible at a glance), the number beside it, and what the sign means.
// The number field commits on Enter or leaving it; out of range it clamps and
// says so, keeping the typed text in view; nonsense changes nothing and holds
// Generate back (the row's strengthError) until it is fixed or Esc undoes it.
import { Slider } from "radix-ui";
import { useState, type KeyboardEvent } from "react";
import { STRENGTH_MAX, STRENGTH_MIN } from "@/lib/contract/krea/options";
import {
  clampStrength,
  formatStrengthInput,
  parseStrengthText,
  STRENGTH_STEP,
  strengthDirection,
  strengthValueText,
} from "@/lib/contract/references/strength";

const DIRECTION_CLASS = {
  attract: "text-accent",
  repel: "text-danger",
  neutral: "text-muted",
} as const;

export function StrengthControl({
  id,
  index,
  value,
  onChange,
  onInvalid,
  describedBy,
}: {
  id: string;
  index: number;
  value: number;
  onChange: (value: number) => void;
  /** text that is no number was committed (a message), or that is over (null) */
  onInvalid: (message: string | null) => void;
  describedBy?: string;
}) {
  const n = index + 1;
  const [text, setText] = useState(() => formatStrengthInput(value));
  const [shownValue, setShownValue] = useState(value);
  const [message, setMessage] = useState<{ text: string; tone: "warning" | "danger" } | null>(null);
  // Follow changes made elsewhere (the slider, Undo, a set applied).
  if (value !== shownValue) {
    setShownValue(value);
    setText(formatStrengthInput(value));
    setMessage(null);
  }

  const commit = () => {
    const parsed = parseStrengthText(text);
    if (parsed.kind === "empty") {
      setText(formatStrengthInput(value));
      setMessage(null);
      onInvalid(null);
      return;
    }
    if (parsed.kind === "invalid") {
      // Kept as typed, and Generate waits: the old value must not go out silently.
      setMessage({ text: parsed.message, tone: "danger" });
      onInvalid(parsed.message);
      return;
    }
    onInvalid(null);
    // Recorded first, so the value coming back does not overwrite what was typed.
    setShownValue(parsed.value);
    if (parsed.message) setMessage({ text: parsed.message, tone: "warning" });
    else {
      setMessage(null);
      setText(formatStrengthInput(parsed.value));
    }
    if (parsed.value !== value) onChange(parsed.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      // Enter in a form field would submit the builder, and spend Buzz.
      e.preventDefault();
      commit();
    } else if (e.key === "Escape") {
      setText(formatStrengthInput(value));
      setMessage(null);
      onInvalid(null);
    } else if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      const step = (e.shiftKey ? 10 : 1) * STRENGTH_STEP * (e.key === "ArrowUp" ? 1 : -1);
      onChange(clampStrength(value + step));
    }
  };

  const direction = strengthDirection(value);
  const fraction = (v: number) => ((v - STRENGTH_MIN) / (STRENGTH_MAX - STRENGTH_MIN)) * 100;
  const zero = fraction(0);
  const at = fraction(value);
  const messageId = `strength-${id}-message`;

  return (
    <div className="mt-1">
      <div className="flex items-center gap-2">
        <Slider.Root
          min={STRENGTH_MIN}
          max={STRENGTH_MAX}
          step={STRENGTH_STEP}
          value={[value]}
          onValueChange={([v]) => {
            if (v !== undefined) onChange(clampStrength(v));
          }}
          className="relative flex h-5 min-w-0 flex-1 touch-none items-center select-none"
        >
          <Slider.Track className="relative h-1 grow rounded-full bg-border">
            <span
              aria-hidden="true"
              className="absolute top-[-3px] h-[10px] w-px bg-border-strong"
              style={{ left: `${zero}%` }}
            />
            <span
              aria-hidden="true"
              className={`absolute h-full rounded-full ${value < 0 ? "bg-danger" : "bg-accent"}`}
              style={{ left: `${Math.min(zero, at)}%`, width: `${Math.abs(at - zero)}%` }}
            />
          </Slider.Track>
          <Slider.Thumb
            aria-label={`Strength for reference ${n}`}
            aria-valuetext={strengthValueText(value)}
            aria-describedby={describedBy}
            className="block size-4 rounded-full border-2 border-accent bg-raised shadow-sm hover:scale-110 data-[disabled]:opacity-50"
          />
        </Slider.Root>
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          aria-label={`Strength value for reference ${n}`}
          aria-invalid={message?.tone === "danger" ? true : undefined}
          aria-describedby={message ? messageId : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
          className="h-7 w-14 rounded-md border border-border bg-raised px-1.5 text-right text-xs tabular-nums hover:border-border-strong aria-[invalid=true]:border-danger"
        />
        <span
          aria-hidden="true"
          className={`w-11 text-[11px] font-medium ${DIRECTION_CLASS[direction]}`}
        >
          {direction}
        </span>
      </div>
      {/* Always present, so a message appearing is announced. */}
      <p
        id={messageId}
        role="status"
        className={`text-[11px] empty:hidden ${message?.tone === "danger" ? "text-danger" : "text-warning"} ${message ? "mt-0.5" : ""}`}
      >
        {message?.text}
      </p>
    </div>
  );
}
