// Validates a submitted WorkflowTemplate the way the orchestrator does
// (additionalProperties: false everywhere, tags ≤ 10 and unique, externalId
// pattern, ≥ 1 step) and the Krea v2 input with the studio's shared
// `kreaInputSchema`, so the engine refuses exactly what the studio's form
// refuses, in the same words. Errors are keyed ASP.NET style:
// "steps[0].input.size".
import { toFieldErrors, type FieldErrors } from "@/lib/http/field-errors";
import { randomSeed } from "@/lib/krea/options";
import { perImageCost } from "@/lib/krea/pricing";
import { kreaInputSchema } from "@/lib/krea/schema";
import { EXTERNAL_ID_PATTERN } from "@/lib/krea/workflow-body";
import { bracketIndices } from "./problems";
import type { NormalizedTemplate, Priority, StoredInput, StoredStep } from "./types";
import { FieldCollector, isObject, optionalObject, readExtras, readTags } from "./validate-fields";

const TEMPLATE_KEYS = [
  "metadata",
  "tags",
  "steps",
  "callbacks",
  "tips",
  "arguments",
  "nsfwLevel",
  "experimental",
  "allowMatureContent",
  "upgradeMode",
  "currencies",
  "ephemeral",
  "externalId",
];
const STEP_KEYS = ["$type", "name", "priority", "timeout", "retries", "metadata", "input"];
const PRIORITIES: readonly Priority[] = ["high", "normal", "low"];

/** int32's upper bound, the spec's type for seed. */
export const SEED_MAX = 2_147_483_647;
export const SEED_RANGE_MESSAGE = `seed must be a whole number from 0 to ${SEED_MAX} (int32)`;

export const ONLY_KREA_MESSAGE =
  'The local engine only runs Krea v2: use an imageGen step with input.engine "fal" and input.model "krea2"';

export type TemplateResult =
  { ok: true; template: NormalizedTemplate } | { ok: false; errors: FieldErrors };

/**
 * `drawSeed`: fill a missing seed with a random one (real submits, so reads show
 * the seed used); a whatif preview leaves it null because nothing runs.
 */
export function validateTemplate(body: unknown, options: { drawSeed: boolean }): TemplateResult {
  const c = new FieldCollector();
  if (!isObject(body)) {
    c.add("$", "The request body must be a JSON object (a WorkflowTemplate with steps)");
    return { ok: false, errors: c.errors };
  }
  for (const key of Object.keys(body)) {
    if (!TEMPLATE_KEYS.includes(key)) {
      c.add(
        key,
        `"${key}" is not a WorkflowTemplate property (allowed: ${TEMPLATE_KEYS.join(", ")})`,
      );
    }
  }
  const steps = readSteps(body.steps, c, options);
  const tags = readTags(body.tags, "tags", c, { rejectDuplicates: true });
  const metadata = optionalObject(body.metadata, "metadata", c);
  const externalId = readExternalId(body.externalId, c);
  const extras = readExtras(body, c);
  if (body.ephemeral === true) {
    c.add(
      "ephemeral",
      "The local engine keeps every workflow; ephemeral workflows are not supported",
    );
  } else if (body.ephemeral !== undefined && body.ephemeral !== null && body.ephemeral !== false) {
    c.add("ephemeral", "ephemeral must be true, false or null");
  }
  if (!c.ok) return { ok: false, errors: c.errors };
  return { ok: true, template: { steps, tags, metadata, externalId, extras } };
}

function readSteps(
  value: unknown,
  c: FieldCollector,
  options: { drawSeed: boolean },
): StoredStep[] {
  if (!Array.isArray(value)) {
    c.add("steps", "steps is required: a list with at least one imageGen step");
    return [];
  }
  if (value.length === 0) c.add("steps", "steps must contain at least one step (minItems 1)");
  const steps: StoredStep[] = [];
  const names = new Set<string>();
  value.forEach((raw, index) => {
    const at = `steps[${index}]`;
    if (!isObject(raw)) {
      c.add(at, "A step must be an object with $type and input");
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!STEP_KEYS.includes(key)) {
        c.add(`${at}.${key}`, `"${key}" is not a step property (allowed: ${STEP_KEYS.join(", ")})`);
      }
    }
    if (raw.$type === undefined) c.add(`${at}.$type`, '$type is required: use "imageGen"');
    else if (raw.$type !== "imageGen") c.add(`${at}.$type`, ONLY_KREA_MESSAGE);
    const name = raw.name === undefined || raw.name === null ? String(index) : raw.name;
    if (typeof name !== "string" || name.length === 0)
      c.add(`${at}.name`, "name must be a non-empty string");
    else if (names.has(name))
      c.add(`${at}.name`, `step names must be unique: "${name}" is used twice`);
    else names.add(name);
    const priority = raw.priority ?? "normal";
    if (!PRIORITIES.includes(priority as Priority)) {
      c.add(`${at}.priority`, `priority must be one of: ${PRIORITIES.join(", ")}`);
    }
    if (raw.timeout !== undefined && raw.timeout !== null && typeof raw.timeout !== "string") {
      c.add(`${at}.timeout`, 'timeout must be a time span such as "00:05:00"');
    }
    const retries = raw.retries ?? null;
    if (retries !== null && !(Number.isInteger(retries) && Number(retries) >= 0)) {
      c.add(`${at}.retries`, "retries must be a whole number of at least 0");
    }
    const metadata = optionalObject(raw.metadata, `${at}.metadata`, c);
    const input = readInput(raw.input, `${at}.input`, c, options);
    if (input && typeof name === "string" && PRIORITIES.includes(priority as Priority)) {
      steps.push({
        name,
        priority: priority as Priority,
        metadata,
        timeout: typeof raw.timeout === "string" ? raw.timeout : null,
        retries: typeof retries === "number" ? retries : null,
        input,
        perImage: perImageCost(input.size, input.imageStyleReferences.length > 0),
      });
    }
  });
  return steps;
}

function readInput(
  value: unknown,
  at: string,
  c: FieldCollector,
  options: { drawSeed: boolean },
): StoredInput | null {
  if (!isObject(value)) {
    c.add(at, 'input is required: a Krea v2 input with engine "fal" and model "krea2"');
    return null;
  }
  // Anything but Krea v2 is refused before field checks: its fields would
  // only produce confusing "Krea v2 does not accept …" messages.
  if (value.engine !== "fal" || value.model !== "krea2") {
    const field = value.engine !== "fal" ? "engine" : "model";
    c.add(
      `${at}.${field}`,
      `${ONLY_KREA_MESSAGE} (got engine ${show(value.engine)}, model ${show(value.model)})`,
    );
    return null;
  }
  // The spec requires operation for Krea2FalImageGenInput; the shared schema
  // leaves it optional for the form's sake, so it is checked here.
  if (value.operation === undefined)
    c.add(`${at}.operation`, 'operation is required: use "createImage"');
  // The spec types seed as int32 (the recipe says uint32): 0..2147483647 satisfies both.
  const seed = value.seed;
  if (typeof seed === "number" && Number.isInteger(seed) && (seed < 0 || seed > SEED_MAX)) {
    c.add(`${at}.seed`, SEED_RANGE_MESSAGE);
    return null;
  }
  const parsed = kreaInputSchema.safeParse(value);
  if (!parsed.success) {
    for (const [field, messages] of Object.entries(toFieldErrors(parsed.error.issues, `${at}.`))) {
      for (const message of messages) c.add(bracketIndices(field), message);
    }
    return null;
  }
  const input = parsed.data;
  return {
    engine: "fal",
    model: "krea2",
    operation: "createImage",
    prompt: input.prompt,
    size: input.size,
    aspectRatio: input.aspectRatio,
    creativity: input.creativity,
    quantity: input.quantity,
    seed: input.seed ?? (options.drawSeed ? randomSeed() : null),
    imageStyleReferences: input.imageStyleReferences.map((r) => ({
      imageUrl: r.imageUrl,
      strength: r.strength,
    })),
  };
}

function readExternalId(value: unknown, c: FieldCollector): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || !EXTERNAL_ID_PATTERN.test(value)) {
    c.add(
      "externalId",
      "externalId must be 1–128 characters of A–Z, a–z, 0–9, _ or - (^[A-Za-z0-9_-]+$)",
    );
    return null;
  }
  return value;
}

function show(value: unknown): string {
  return value === undefined ? "(missing)" : JSON.stringify(value);
}
