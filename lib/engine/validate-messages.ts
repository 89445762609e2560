// The engine's own words for each way a body breaks the spec's schema. They
// carry the phrases the recipe's Troubleshooting table quotes from the
// orchestrator ("size must be one of", "aspectRatio must be one of",
// "creativity must be one of", "imageStyleReferences maxItems", "strength out
// of range") and say what to send instead.
import type { ErrorObject } from "ajv";
import { MAX_TAGS, SEED_MAX } from "./krea-facts";
import { ALLOWED } from "./spec-schema";

export const SEED_RANGE_MESSAGE = `seed must be a whole number from 0 to ${SEED_MAX} (int32)`;
export const ONLY_KREA_MESSAGE =
  'The local engine only runs Krea v2: use an imageGen step with input.engine "fal" and input.model "krea2"';
const STRENGTH_MESSAGE =
  "strength out of range: use a number from -2 to 2 (default 1; negative repels)";
const EXTERNAL_ID_MESSAGE =
  "externalId must be 1–128 characters of A–Z, a–z, 0–9, _ or - (^[A-Za-z0-9_-]+$)";

/** Recipe line 56: "Krea v2 does not accept LoRAs, negative prompts, or explicit width/height". */
const NOT_FOR_KREA: Record<string, string> = {
  negativePrompt: "Krea v2 does not accept negative prompts: say what you want in the prompt",
  width: "Krea v2 does not accept width/height: pick an aspectRatio",
  height: "Krea v2 does not accept width/height: pick an aspectRatio",
  loras: "Krea v2 does not accept LoRAs",
  additionalNetworks: "Krea v2 does not accept LoRAs",
};

/** Per field, per schema keyword: the message (falling back to the field's `*`). */
const BY_FIELD: Record<string, Record<string, string>> = {
  seed: { "*": SEED_RANGE_MESSAGE },
  quantity: {
    minimum: "quantity must be at least 1",
    maximum: "quantity must be at most 10",
    "*": "quantity must be a whole number from 1 to 10",
  },
  strength: { "*": STRENGTH_MESSAGE },
  prompt: {
    maxLength: "prompt must be at most 5000 characters (maxLength)",
    required: "prompt is required: 1–5000 characters describing the image",
    "*": "prompt is required: 1–5000 characters describing the image",
  },
  imageStyleReferences: {
    maxItems: "imageStyleReferences maxItems is 10: attach at most 10 style references",
    "*": "imageStyleReferences must be a list of { imageUrl, strength }",
  },
  imageUrl: { "*": "imageUrl is required: the URL of a publicly reachable image" },
  operation: {
    required: 'operation is required: use "createImage"',
    "*": 'operation must be "createImage"',
  },
  $type: { "*": ONLY_KREA_MESSAGE },
  engine: { "*": ONLY_KREA_MESSAGE },
  model: { "*": ONLY_KREA_MESSAGE },
  externalId: { "*": EXTERNAL_ID_MESSAGE },
  steps: {
    minItems: "steps must contain at least one step (minItems 1)",
    "*": "steps is required: a list with at least one imageGen step",
  },
  input: { "*": 'input is required: a Krea v2 input with engine "fal" and model "krea2"' },
  tags: {
    maxItems: `tags maxItems is ${MAX_TAGS}: a workflow carries at most ${MAX_TAGS} tags`,
    uniqueItems: "tags must be unique (uniqueItems): a tag appears more than once",
    "*": "tags must be a list of strings",
  },
  timeout: { "*": 'timeout must be a time span such as "00:05:00"' },
};

const TYPE_WORDS: Record<string, string> = {
  object: "a JSON object",
  array: "a list",
  string: "text",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  null: "null",
};

/** "/steps/0/input/size" → ["steps", 0, "input", "size"] */
function segments(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** ["steps", 0, "input"] → "steps[0].input" */
function fieldOf(parts: (string | number)[]): string {
  return parts.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** What the object at this path is, for "is not a … property" messages. */
function objectKind(parts: (string | number)[]): [label: string, allowed: string[]] | null {
  const named = parts.filter((p) => typeof p === "string");
  const last = named[named.length - 1];
  if (parts.length === 0) return ["WorkflowTemplate", ALLOWED.template];
  if (parts.length === 2 && parts[0] === "steps") return ["step", ALLOWED.step];
  if (last === "input") return ["Krea v2 input", ALLOWED.input];
  if (last === "imageStyleReferences") return ["style reference", ALLOWED.reference];
  return null;
}

function text(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(", ") : String(value);
}

/** The field an error belongs to, and the engine's message for it. */
export function describeSpecError(error: ErrorObject): { field: string; message: string } {
  const parts = segments(error.instancePath);
  const params: Record<string, unknown> = error.params;
  if (error.keyword === "additionalProperties") {
    const key = String(params.additionalProperty);
    const kind = objectKind(parts);
    const field = fieldOf([...parts, key]);
    const input = kind?.[0] === "Krea v2 input";
    const krea = input ? NOT_FOR_KREA[key] : undefined;
    if (krea) return { field, message: krea };
    const message = kind
      ? `"${key}" is not a ${kind[0]} property (allowed: ${kind[1].join(", ")})`
      : `"${key}" is not allowed here`;
    return { field, message };
  }
  const target = error.keyword === "required" ? [...parts, String(params.missingProperty)] : parts;
  const field = target.length === 0 ? "$" : fieldOf(target);
  const name = String([...target].reverse().find((p) => typeof p === "string") ?? "body");
  const own = BY_FIELD[name];
  const specific = own?.[error.keyword] ?? own?.["*"];
  if (specific) return { field, message: specific };
  switch (error.keyword) {
    case "enum":
      return { field, message: `${name} must be one of: ${text(params.allowedValues)}` };
    case "required":
      return { field, message: `${name} is required` };
    case "type": {
      const words = text(params.type)
        .split(", ")
        .map((t) => TYPE_WORDS[t] ?? t);
      return { field, message: `${name} must be ${words.join(" or ")}` };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { field, message: `${name} must be ${text(params.comparison)} ${text(params.limit)}` };
    case "format":
      return { field, message: `${name} must be a valid ${text(params.format)}` };
    default:
      return { field, message: `${name} ${error.message ?? "is invalid"}` };
  }
}
