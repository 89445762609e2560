// Builds the exact body the studio submits to POST /v2/consumer/workflows. The
// seed is always fixed before submit (drawn if the designer left it random) so
// every generation can be rerun and compared on the same seed.
import type { ResolvedKreaInput } from "./schema";

export const STUDIO_TAG = "krea-studio";
export const STUDIO_APP = "krea-prompt-studio";

/** Orchestrator limits on tags (WorkflowTemplate in the OpenAPI spec). */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 200;
/** externalId: 1–128 of [A-Za-z0-9_-] */
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export interface KreaStepInput {
  engine: "fal";
  model: "krea2";
  operation: "createImage";
  prompt: string;
  size: ResolvedKreaInput["size"];
  aspectRatio: ResolvedKreaInput["aspectRatio"];
  creativity: ResolvedKreaInput["creativity"];
  quantity: number;
  seed: number;
  imageStyleReferences: { imageUrl: string; strength: number }[];
}

export interface KreaWorkflowBody {
  steps: [{ $type: "imageGen"; input: KreaStepInput }];
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

export function toStepInput(input: ResolvedKreaInput): KreaStepInput {
  return {
    engine: "fal",
    model: "krea2",
    operation: "createImage",
    prompt: input.prompt,
    size: input.size,
    aspectRatio: input.aspectRatio,
    creativity: input.creativity,
    quantity: input.quantity,
    seed: input.seed,
    imageStyleReferences: input.imageStyleReferences.map((r) => ({
      imageUrl: r.imageUrl,
      strength: r.strength,
    })),
  };
}

export function buildWorkflowBody(
  input: ResolvedKreaInput,
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
