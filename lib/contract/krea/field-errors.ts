// Turns schema issues into per-field messages keyed by dotted path
// ("imageStyleReferences.2.strength"), the shape the builder form's setError and
// our problem+json `errors` both use. An unrecognized key is reported on the key
// itself so the message lands next to the field that caused it.
import type { $ZodIssue } from "zod/v4/core";
import { unsupportedFieldMessage } from "./fields";

export type FieldErrors = Record<string, string[]>;

export function toFieldErrors(issues: readonly $ZodIssue[], prefix = ""): FieldErrors {
  // No prototype: a body key such as "toString" or "__proto__" is just a field
  // name here, not Object.prototype's (found by app/api/fuzz.test.ts).
  const out: FieldErrors = Object.create(null);
  const add = (path: PropertyKey[], message: string) => {
    const key = prefix + (path.map(String).join(".") || "");
    const list = (out[key || "body"] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      // The object-level message joins every key; split it back per key.
      for (const key of issue.keys) add([...issue.path, key], messageForKey(issue.message, key));
    } else {
      add(issue.path, issue.message);
    }
  }
  return out;
}

function messageForKey(joined: string, key: string): string {
  // One message per key, each starting "Krea v2 does not accept", joined by "; "
  // (a message may itself contain "; "); a key is named in its message in quotes.
  const own = unsupportedFieldMessage(key);
  const parts = joined.split(/; (?=Krea v2 )/);
  const part = parts.find((m) => m === own) ?? parts.find((m) => m.includes(`"${key}"`));
  return part ?? joined;
}
