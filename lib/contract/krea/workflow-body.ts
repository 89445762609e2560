// Builds the exact body the studio submits to POST /v2/consumer/workflows. The
// seed is always fixed before submit (drawn if the designer left it random) so
// every generation can be rerun and compared on the same seed.
import {
  KREA_FIELD_NAMES,
  KREA_FIELDS,
  unhandledKind,
  type FieldRow,
  type KreaInput,
} from "./fields";

export const STUDIO_TAG = "krea-studio";
export const STUDIO_APP = "krea-prompt-studio";

/** Orchestrator limits on tags (WorkflowTemplate in the OpenAPI spec). */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 200;
/** externalId: 1–128 of [A-Za-z0-9_-] */
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** The step input as sent: every field present, the seed fixed. */
type StepInput = Required<KreaInput> & { seed: number };

export interface KreaWorkflowBody {
  steps: [{ $type: "imageGen"; input: StepInput }];
  tags: string[];
  metadata: Record<string, unknown>;
  /** required by the spec's WorkflowTemplate; empty means any currency the account has */
  currencies: never[];
  externalId?: string;
}

export interface WorkflowBodyOptions {
  externalId?: string;
  /** extra tags beyond the studio tag; duplicates dropped, limits enforced */
  tags?: string[];
  /** studio metadata (pair, parent, sweep, style set …) */
  metadata?: Record<string, unknown>;
}

/** One field as the body carries it: constants as the spec wants them, references stripped to what Krea reads. */
function bodyValue(row: FieldRow, value: KreaInput[keyof KreaInput]): unknown {
  switch (row.kind) {
    case "constant":
      return row.value;
    case "enum":
    case "text":
    case "count":
    case "seed":
      return value;
    case "references":
      return (Array.isArray(value) ? value : []).map((r) => ({
        imageUrl: r.imageUrl,
        strength: r.strength,
      }));
    default:
      return unhandledKind(row);
  }
}

/** Every table field in table order (the body's key order, held byte-identical by outgoing-bodies.test.ts). */
export function toStepInput(input: KreaInput & { seed: number }): StepInput {
  const out: Record<string, unknown> = {};
  for (const name of KREA_FIELD_NAMES) out[name] = bodyValue(KREA_FIELDS[name], input[name]);
  // Built from the table, so its type is stated; fields.test.ts checks each field arrives.
  return out as StepInput;
}

export function buildWorkflowBody(
  input: KreaInput & { seed: number },
  options: WorkflowBodyOptions = {},
): KreaWorkflowBody {
  if (options.externalId !== undefined && !EXTERNAL_ID_PATTERN.test(options.externalId)) {
    throw new RangeError("externalId must be 1–128 characters of A–Z, a–z, 0–9, _ or -");
  }
  const tags = [...new Set([STUDIO_TAG, ...(options.tags ?? [])])];
  if (tags.length > MAX_TAGS) throw new RangeError(`a workflow carries at most ${MAX_TAGS} tags`);
  const tooLong = tags.find((t) => t.length === 0 || t.length > MAX_TAG_LENGTH);
  if (tooLong !== undefined) throw new RangeError(`tags must be 1–${MAX_TAG_LENGTH} characters`);

  const body: KreaWorkflowBody = {
    steps: [{ $type: "imageGen", input: toStepInput(input) }],
    tags,
    metadata: { app: STUDIO_APP, ...options.metadata },
    currencies: [],
  };
  if (options.externalId !== undefined) body.externalId = options.externalId;
  return body;
}
