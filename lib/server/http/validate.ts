import "server-only";
import type { $ZodType, output } from "zod/v4/core";
import { safeParse } from "zod/v4/core";
import { toFieldErrors } from "@/lib/contract/krea/field-errors";
import { validationError } from "./problem";

/** Parses a value with a schema (classic or mini) or throws a 400 AppError with per-field messages. */
export function parseOrThrow<S extends $ZodType>(
  schema: S,
  value: unknown,
  prefix = "",
): output<S> {
  const result = safeParse(schema, value);
  if (!result.success) throw validationError(toFieldErrors(result.error.issues, prefix));
  return result.data;
}
