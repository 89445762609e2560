// The studio's one button. Every clickable thing that is not a link or a Radix
// part is a Button, so focus, disabled and the accent look are written once.
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

const variants = {
  /** the one primary act of a view: Generate, Save, Spend */
  primary: "bg-accent font-medium text-accent-foreground hover:brightness-110",
  /** a bordered neutral action beside or instead of the primary one */
  secondary: "border border-border bg-raised font-medium text-foreground hover:bg-subtle",
  /** quiet, text-only until hovered (Cancel, menu rows) */
  ghost: "font-medium text-muted hover:bg-subtle hover:text-foreground",
  /** removes or resets something */
  danger: "font-medium text-danger hover:bg-subtle",
  /** a square icon-only button; needs aria-label (see ButtonProps) */
  icon: "text-muted hover:bg-subtle hover:text-foreground",
  /** an icon-only button on an image: light icon on a dark veil; needs aria-label */
  overlay: "bg-black/55 text-white backdrop-blur-sm hover:bg-black/70",
  /** inline text that acts (Retry, show more) */
  link: "text-muted hover:text-foreground",
  /** no surface of its own: buttons drawn over images or as whole cards bring theirs */
  bare: "",
} as const;

const sizes = {
  xs: "h-6 px-2 text-[11px]",
  sm: "h-7 px-2.5 text-xs",
  md: "h-8 px-3 text-sm",
  lg: "h-9 px-3 text-sm",
  none: "",
} as const;

const iconSizes = { xs: "size-6", sm: "size-7", md: "size-8", lg: "size-9", none: "" } as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

type Common = Omit<ComponentPropsWithRef<"button">, "aria-label"> & { size?: ButtonSize };

type IconOnly = "icon" | "overlay";

/** An icon-only button has no text, so the type asks for its accessible name. */
export type ButtonProps =
  | (Common & { variant: IconOnly; "aria-label": string })
  | (Common & { variant?: Exclude<ButtonVariant, IconOnly>; "aria-label"?: string });

const base =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60";
const shaped = "inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md";

/** The look of a Button, for a Radix part rendered as one (`<Dialog.Close className=…>`). */
export function buttonClass({
  variant = "secondary",
  size,
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}): string {
  const plain = variant === "bare" || variant === "link";
  const s = size ?? (plain ? "none" : "md");
  return cn(
    base,
    !plain && shaped,
    variant === "link" && "inline-flex items-center gap-1",
    variants[variant],
    variant === "icon" || variant === "overlay" ? iconSizes[s] : sizes[s],
    className,
  );
}

/** A button, `type="button"` unless it says `type="submit"`. */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
