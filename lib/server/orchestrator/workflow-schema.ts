import "server-only";
import { z } from "zod";
import { WORKFLOW_STATUSES } from "@/lib/contract/generations/types";

// What the studio reads from an orchestrator's Workflow, parsed leniently: the
// orchestrator is a boundary like any other, so its JSON is checked before use,
// but fields we do not read (and new ones it may add) are let through.

const status = z.enum(WORKFLOW_STATUSES).catch("processing");
const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const nullableNumber = z
  .number()
  .nullish()
  .transform((v) => v ?? null);

export const imageBlobSchema = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  available: z.boolean().catch(false),
  url: nullableString,
  urlExpiresAt: nullableString,
  previewUrl: nullableString,
  previewUrlExpiresAt: nullableString,
  width: nullableNumber,
  height: nullableNumber,
  jobId: nullableString,
  blockedReason: nullableString,
  nsfwLevel: nullableString,
});

const jobSchema = z.looseObject({
  id: z.string(),
  status,
  cost: z.number().catch(0),
  startedAt: nullableString,
  completedAt: nullableString,
  estimatedProgressRate: nullableNumber,
  queuePosition: z.looseObject({ precedingJobs: nullableNumber }).nullish().catch(null),
});

export const stepSchema = z.looseObject({
  $type: z.string(),
  name: z.string().catch(""),
  status,
  input: z.record(z.string(), z.unknown()).nullish(),
  output: z
    .looseObject({
      images: z.array(imageBlobSchema).catch([]),
      errors: z.array(z.string()).nullish(),
    })
    .nullish(),
  jobs: z.array(jobSchema).nullish(),
  estimatedProgressRate: nullableNumber,
  startedAt: nullableString,
  completedAt: nullableString,
});

const transactionSchema = z.looseObject({
  type: z.enum(["debit", "credit"]).catch("debit"),
  amount: z.number().catch(0),
});

const optionalString = z.string().optional().catch(undefined);

/** The studio's own keys in a workflow's metadata; anything else passes through. */
export const studioMetadataSchema = z.looseObject({
  parentId: optionalString,
  pairId: optionalString,
  sweepId: optionalString,
  sweepKind: optionalString,
  sweepRef: z.number().int().min(0).max(9).optional().catch(undefined),
  lineageKind: optionalString,
  gridId: optionalString,
  gridCell: z.number().int().min(0).max(63).optional().catch(undefined),
  gridSize: z.number().int().min(1).max(64).optional().catch(undefined),
  styleSet: z
    .object({
      id: z.string(),
      name: z.string(),
      version: z.number(),
      approved: z.boolean().optional(),
    })
    .optional()
    .catch(undefined),
});

export const workflowSchema = z.looseObject({
  id: z.string().nullish(),
  status,
  createdAt: z.string(),
  startedAt: nullableString,
  completedAt: nullableString,
  externalId: nullableString,
  tags: z.array(z.string()).catch([]),
  metadata: studioMetadataSchema.nullish().catch(null),
  steps: z.array(stepSchema).catch([]),
  cost: z.looseObject({ base: z.number().catch(0), total: z.number().catch(0) }).nullish(),
  transactions: z
    .looseObject({
      list: z.array(transactionSchema).catch([]),
      insufficientBuzz: z.boolean().nullish(),
    })
    .nullish(),
});

export type WireWorkflow = z.infer<typeof workflowSchema>;
export type WireImageBlob = z.infer<typeof imageBlobSchema>;

export const workflowPageSchema = z.looseObject({
  next: z.string().nullish(),
  items: z.array(z.unknown()),
});
