// Validates a submitted WorkflowTemplate as the orchestrator does: against the
// spec's own schemas (spec-schema.ts: WorkflowTemplate with Krea v2 imageGen
// steps, additionalProperties: false everywhere), then the rules the recipe
// and the spec's descriptions state beyond the schema. Messages are the
// engine's own, carrying the orchestrator's phrases the recipe lists under
// Troubleshooting ("size must be one of", "strength out of range", …). Errors
// are keyed ASP.NET style: "steps[0].input.size".
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  perImagePrice,
  randomSeed,
} from "./krea-facts";
import type { FieldErrors } from "./problems";
import { templateSpecErrors } from "./spec-schema";
import type { NormalizedTemplate, Priority, StoredInput, StoredStep } from "./types";
import {
  FieldCollector,
  isObject,
  optionalObject,
  readExtras,
  readTags,
  type Json,
} from "./validate-fields";
import { describeSpecError, ONLY_KREA_MESSAGE, SEED_RANGE_MESSAGE } from "./validate-messages";

const PRIORITIES: readonly Priority[] = ["high", "normal", "low"];

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
  const notKrea = refuseOtherEngines(body, c);
  for (const error of templateSpecErrors(body)) {
    const step = /^\/steps\/(\d+)(\/|$)/.exec(error.instancePath);
    // A step that is not Krea v2 was refused as a whole: its fields would only confuse.
    if (step && notKrea.has(Number(step[1]))) continue;
    const { field, message } = describeSpecError(error);
    c.add(field, message);
  }
  checkBeyondSchema(body, c);
  if (!c.ok) return { ok: false, errors: c.errors };
  return normalize(body, options, c);
}

/**
 * Steps that are not Krea v2 imageGen (another $type, engine or model) get one
 * clear message instead of every field the Krea schema would list.
 */
function refuseOtherEngines(body: Json, c: FieldCollector): Set<number> {
  const out = new Set<number>();
  if (!Array.isArray(body.steps)) return out;
  body.steps.forEach((raw: unknown, index: number) => {
    if (!isObject(raw)) return;
    const at = `steps[${index}]`;
    if (raw.$type !== undefined && raw.$type !== "imageGen") {
      c.add(`${at}.$type`, ONLY_KREA_MESSAGE);
      out.add(index);
      return;
    }
    const input = raw.input;
    if (isObject(input) && (input.engine !== "fal" || input.model !== "krea2")) {
      const field = input.engine !== "fal" ? "engine" : "model";
      c.add(
        `${at}.input.${field}`,
        `${ONLY_KREA_MESSAGE} (got engine ${show(input.engine)}, model ${show(input.model)})`,
      );
      out.add(index);
    }
  });
  return out;
}

/** Rules stated outside the schema: by the spec's descriptions, or the engine's own choices. */
function checkBeyondSchema(body: Json, c: FieldCollector): void {
  // Spec, WorkflowTemplate.tags: "Each tag can be at most 200 characters long."
  readTags(body.tags, "tags", c, { rejectDuplicates: false });
  // Steps refer to one another by name, so names must be unique.
  if (Array.isArray(body.steps)) {
    const names = new Set<string>();
    body.steps.forEach((raw: unknown, index: number) => {
      if (!isObject(raw)) return;
      const name = raw.name ?? String(index);
      if (typeof name !== "string") return;
      if (name.length === 0) c.add(`steps[${index}].name`, "name must be a non-empty string");
      else if (names.has(name))
        c.add(`steps[${index}].name`, `step names must be unique: "${name}" is used twice`);
      names.add(name);
      // The spec's int32 allows negatives; the recipe's uint32 (line 53) does not.
      const seed = isObject(raw.input) ? raw.input.seed : undefined;
      if (typeof seed === "number" && seed < 0)
        c.add(`steps[${index}].input.seed`, SEED_RANGE_MESSAGE);
    });
  }
  // Engine choice: ephemeral workflows vanish once final, which the studio never wants.
  if (body.ephemeral === true) {
    c.add(
      "ephemeral",
      "The local engine keeps every workflow; ephemeral workflows are not supported",
    );
  }
}

/** Builds the stored template from a body that passed every check. */
function normalize(body: Json, options: { drawSeed: boolean }, c: FieldCollector): TemplateResult {
  const rawSteps: unknown[] = Array.isArray(body.steps) ? body.steps : [];
  const steps: StoredStep[] = [];
  rawSteps.forEach((raw, index) => {
    if (!isObject(raw) || !isObject(raw.input)) return;
    const input = readInput(raw.input, options);
    steps.push({
      name: typeof raw.name === "string" ? raw.name : String(index),
      priority: PRIORITIES.find((p) => p === raw.priority) ?? "normal",
      metadata: optionalObject(raw.metadata, `steps[${index}].metadata`, c),
      timeout: typeof raw.timeout === "string" ? raw.timeout : null,
      retries: typeof raw.retries === "number" ? raw.retries : null,
      input,
      perImage: perImagePrice(input.size, input.imageStyleReferences.length > 0),
    });
  });
  const template: NormalizedTemplate = {
    steps,
    tags: readTags(body.tags, "tags", c, { rejectDuplicates: true }),
    metadata: optionalObject(body.metadata, "metadata", c),
    externalId: typeof body.externalId === "string" ? body.externalId : null,
    extras: readExtras(body, c),
  };
  if (!c.ok) return { ok: false, errors: c.errors };
  return { ok: true, template };
}

function readInput(raw: Json, options: { drawSeed: boolean }): StoredInput {
  const references: unknown[] = Array.isArray(raw.imageStyleReferences)
    ? raw.imageStyleReferences
    : [];
  const input: StoredInput = {
    engine: "fal",
    model: "krea2",
    operation: "createImage",
    prompt: typeof raw.prompt === "string" ? raw.prompt : "",
    // Spec defaults: medium, 1:1, medium, 1; strength 1.
    size: KREA_SIZES.find((s) => s === raw.size) ?? "medium",
    aspectRatio: ASPECT_RATIOS.find((r) => r === raw.aspectRatio) ?? "1:1",
    creativity: CREATIVITY_LEVELS.find((l) => l === raw.creativity) ?? "medium",
    quantity: typeof raw.quantity === "number" ? raw.quantity : 1,
    seed: typeof raw.seed === "number" ? raw.seed : options.drawSeed ? randomSeed() : null,
    imageStyleReferences: references.filter(isObject).map((r) => ({
      imageUrl: typeof r.imageUrl === "string" ? r.imageUrl : "",
      strength: typeof r.strength === "number" ? r.strength : 1,
    })),
  };
  const format = raw.outputFormat;
  if (format === "jpeg" || format === "png" || format === "webP") input.outputFormat = format;
  if (typeof raw.imageMetadata === "string" || raw.imageMetadata === null)
    input.imageMetadata = raw.imageMetadata;
  return input;
}

function show(value: unknown): string {
  return value === undefined ? "(missing)" : JSON.stringify(value);
}
