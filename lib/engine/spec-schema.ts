// Request validation against the orchestrator's own OpenAPI schemas
// (spec/orchestrator-schemas.json, extracted from the spec by
// spec/extract-schemas.mjs), with ajv in strict mode. The engine checks what it
// receives against the spec itself, never against the studio's schema, so a
// studio body the real orchestrator would refuse is refused here too.
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import fixture from "./spec/orchestrator-schemas.json";

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;
/** .NET TimeSpan text: [-][d.]hh:mm[:ss[.fffffff]] */
const DATE_SPAN = /^-?(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/;

/**
 * Where the spec's generated `required` lists are stricter than the service:
 * ASP.NET binds a missing non-nullable collection as empty, and the recipe's
 * own bodies (krea-v2-on-civitai.txt, lines 26–39 and 63–76) leave out
 * `currencies` and `imageStyleReferences`.
 */
const RELAXED = {
  ...fixture,
  $defs: {
    ...fixture.$defs,
    WorkflowTemplate: { ...fixture.$defs.WorkflowTemplate, required: ["steps"] },
    Krea2CreateFalImageGenInput: {
      ...fixture.$defs.Krea2CreateFalImageGenInput,
      required: ["engine", "model", "operation", "prompt"],
    },
  },
};

/** The spec's `format`s, as ajv in strict mode needs them named. */
export const SPEC_FORMATS = {
  "date-time": DATE_TIME,
  uri: (value: string) => URL.canParse(value),
  "date-span": DATE_SPAN,
  double: { type: "number", validate: (n: number) => Number.isFinite(n) },
  int32: {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  },
} as const;

let validator: ValidateFunction | null = null;

/** Compiling takes a moment (~0.5 s): engines do it at start, not on their first submit. */
export function templateValidator(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: SPEC_FORMATS });
  ajv.addSchema(RELAXED);
  const compiled = ajv.getSchema(`${RELAXED.$id}#/$defs/WorkflowTemplate`);
  if (!compiled) throw new Error("WorkflowTemplate is missing from spec/orchestrator-schemas.json");
  validator = compiled;
  return compiled;
}

/** The property names the spec allows on each schema, for messages. */
export const ALLOWED = {
  template: Object.keys(fixture.$defs.WorkflowTemplate.properties),
  step: Object.keys(fixture.$defs.ImageGenStepTemplate.properties),
  input: Object.keys(fixture.$defs.Krea2CreateFalImageGenInput.properties),
  reference: Object.keys(fixture.$defs.Krea2StyleReference.properties),
};

/** Every way `body` breaks the spec's WorkflowTemplate (with Krea v2 imageGen steps). */
export function templateSpecErrors(body: unknown): ErrorObject[] {
  const validate = templateValidator();
  return validate(body) ? [] : [...(validate.errors ?? [])];
}
