import {
  CREATIVITY_HINTS,
  CREATIVITY_LEVELS,
  KREA_DEFAULTS,
  PROMPT_MAX,
  QUANTITY_MAX,
  QUANTITY_MIN,
  SEED_MAX,
  STRENGTH_MAX,
  STRENGTH_MIN,
  STYLE_REFERENCES_MAX,
} from "@/lib/krea/options";
import { STYLE_REFERENCE_PREMIUM, formatBuzz } from "@/lib/krea/pricing";
import { DefaultMark, FactSection } from "./fact-section";

const n = (value: number) => value.toLocaleString("en-US");
// A real minus sign reads better than a hyphen in a range.
const signed = (value: number) => (value < 0 ? `−${Math.abs(value)}` : String(value));

/** Creativity levels, then the limits of every other Krea v2 field. */
export function InputFacts() {
  return (
    <>
      <FactSection title="Creativity">
        <dl className="space-y-1 text-xs">
          {CREATIVITY_LEVELS.map((level) => (
            <div key={level} className="grid grid-cols-[7.5rem_1fr] gap-x-2">
              <dt className="flex items-center gap-2 font-medium">
                {level}
                {level === KREA_DEFAULTS.creativity && <DefaultMark />}
              </dt>
              <dd className="text-muted">{CREATIVITY_HINTS[level]}</dd>
            </div>
          ))}
        </dl>
      </FactSection>
      <FactSection title="Limits">
        <dl className="grid grid-cols-[7.5rem_1fr] gap-x-2 gap-y-1.5 text-xs">
          <dt className="text-muted">Prompt</dt>
          <dd>Up to {n(PROMPT_MAX)} characters</dd>
          <dt className="text-muted">Images per batch</dt>
          <dd>
            {QUANTITY_MIN}–{QUANTITY_MAX}, all on the same seed
          </dd>
          <dt className="text-muted">Seed</dt>
          <dd className="tabular-nums">0–{n(SEED_MAX)}, random when empty</dd>
          <dt className="text-muted">Style references</dt>
          <dd>
            Up to {STYLE_REFERENCES_MAX}, strength {signed(STRENGTH_MIN)} to {STRENGTH_MAX}; below 0
            steers away from the style. +{formatBuzz(STYLE_REFERENCE_PREMIUM)} Buzz per image
            however many you attach.
          </dd>
          <dt className="text-muted">Not accepted</dt>
          <dd>LoRAs, negative prompts, width and height</dd>
        </dl>
      </FactSection>
    </>
  );
}
