// react-hook-form's resolver for the builder: the lean Krea check
// (lib/contract/krea/check.ts) in the shape zodResolver gives, first message per field
// (all of them with criteriaMode "all"), so the page validates without zod.
// `word` turns the contract's phrases into the builder's (field-messages.ts).
import { toNestErrors, validateFieldsNatively } from "@hookform/resolvers";
import type { FieldError, FieldValues, ResolverOptions, ResolverResult } from "react-hook-form";
import { checkKreaInput } from "@/lib/contract/krea/check";
import type { KreaInput } from "@/lib/contract/krea/schema";

export function kreaResolve<T extends FieldValues>(
  values: unknown,
  options: ResolverOptions<T>,
  word: (message: string) => string = (m) => m,
): ResolverResult<T, KreaInput> {
  const checked = checkKreaInput(values);
  if (checked.ok) {
    if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
    return { values: checked.value, errors: {} };
  }
  const flat: Record<string, FieldError> = {};
  for (const [path, raw] of Object.entries(checked.errors)) {
    const messages = raw.map(word);
    const error: FieldError = { type: "validation", message: messages[0] };
    if (options.criteriaMode === "all") {
      error.types = Object.fromEntries(messages.map((m, i) => [`validation${i}`, m]));
    }
    flat[path] = error;
  }
  return { values: {}, errors: toNestErrors(flat, options) };
}
