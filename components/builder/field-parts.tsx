import type { ReactNode } from "react";

/** One block of the builder: a label row (with optional aside) above the control. */
export function FieldBlock({
  labelId,
  label,
  htmlFor,
  aside,
  children,
}: {
  labelId?: string;
  label: string;
  /** for a single input; radio groups use labelId with aria-labelledby instead */
  htmlFor?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const Label = htmlFor ? "label" : "span";
  return (
    <div className="px-4 py-3">
      <div className="mb-1.5 flex items-baseline justify-between gap-2">
        <Label id={labelId} htmlFor={htmlFor} className="text-xs font-medium">
          {label}
        </Label>
        {aside}
      </div>
      {children}
    </div>
  );
}

/**
 * The look shared by every selectable card in the builder's radio groups: a
 * <label> around a transparent native radio that covers it, so arrows, Tab and Space work
 * as in any form and no script is needed for them.
 */
const optionCard =
  "cursor-pointer rounded-md border border-border bg-raised text-left transition-colors hover:border-border-strong hover:bg-subtle has-[:checked]:border-accent has-[:checked]:bg-[color-mix(in_oklab,var(--studio-accent)_8%,var(--studio-raised))] has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring";

/** One option of a card radio group: a native radio inside a styled label. */
export function RadioCard({
  name,
  value,
  checked,
  onSelect,
  inputRef,
  labelledBy,
  describedBy,
  className,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onSelect: () => void;
  inputRef?: (element: HTMLInputElement | null) => void;
  labelledBy: string;
  describedBy: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <label className={`${optionCard} relative ${className}`}>
      {/* Transparent over the whole card: the card is the radio's hit area. */}
      <input
        type="radio"
        className="absolute inset-0 m-0 size-full cursor-pointer appearance-none opacity-0"
        name={name}
        value={value}
        checked={checked}
        onChange={onSelect}
        ref={inputRef}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
      />
      {children}
    </label>
  );
}
