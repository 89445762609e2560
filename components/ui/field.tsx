// A form field: label, control, hint and the message written next to it, wired
// so a screen reader reads the hint and the error with the control. The control
// classes live here too, so no feature folder has to export a class string.
import { CircleAlert } from "lucide-react";
import { useId, type ReactNode } from "react";
import { cn } from "./cn";

const control =
  "rounded-md border border-border bg-raised px-2.5 text-sm text-foreground placeholder:text-muted hover:border-border-strong aria-[invalid=true]:border-danger";

/** Text inputs: one line, the height of a md Button. Add width and extras with `cn`. */
export const inputClass = `${control} h-8`;
export const selectClass = `${control} h-8 px-2`;
export const textareaClass = `${control} resize-y py-1.5`;
/** The bare control look, for an input whose height its layout sets. */
export const controlClass = control;

/** A field's error, announced when it appears; referenced by the control's aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 flex gap-1 text-xs text-danger">
      <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
      <span>{message}</span>
    </p>
  );
}

/** What Field hands its control: spread it onto the input, select or textarea. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

export function Field({
  id: givenId,
  label,
  hint,
  error,
  className,
  labelClassName,
  hintClassName,
  children,
}: {
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  labelClassName?: string;
  hintClassName?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={id} className={cn("text-xs font-medium", labelClassName)}>
        {label}
      </label>
      {children({
        id,
        "aria-describedby": describedBy || undefined,
        "aria-invalid": error ? true : undefined,
      })}
      <FieldError id={errorId} message={error} />
      {hint ? (
        <p id={hintId} className={cn("mt-1 text-xs text-muted", hintClassName)}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
