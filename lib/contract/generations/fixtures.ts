// Generations for unit tests: a plausible succeeded one by default, changed by overrides.
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import type { Generation, GenerationImage } from "./types";

export function makeImage(overrides: Partial<GenerationImage> = {}): GenerationImage {
  return {
    id: "blob_1",
    jobId: "job_1",
    url: "/api/local-engine/v2/consumer/blobs/content/a",
    urlExpiresAt: "2030-01-01T00:00:00.000Z",
    previewUrl: "/api/local-engine/v2/consumer/blobs/content/a-preview",
    previewUrlExpiresAt: "2030-01-01T00:00:00.000Z",
    width: 1024,
    height: 1024,
    available: true,
    blockedReason: null,
    mature: false,
    ...overrides,
  };
}

export function makeGeneration(overrides: Partial<Generation> = {}): Generation {
  return {
    id: "wf_1",
    status: "succeeded",
    final: true,
    createdAt: "2026-01-01T10:00:00.000Z",
    startedAt: "2026-01-01T10:00:01.000Z",
    completedAt: "2026-01-01T10:00:09.000Z",
    input: { ...kreaInputSchema.parse({ prompt: "a lighthouse at dusk" }), seed: 42 },
    externalId: "click_1",
    tags: ["krea-studio"],
    metadata: { app: "krea-prompt-studio" },
    progress: null,
    queuePosition: null,
    jobs: [],
    images: [makeImage()],
    quotedBuzz: 39,
    chargedBuzz: 39,
    errors: [],
    blocked: false,
    failureReason: null,
    ...overrides,
  };
}

/** An unfinished generation created at `createdAt`. */
export function makeRunning(overrides: Partial<Generation> = {}): Generation {
  return makeGeneration({
    status: "processing",
    final: false,
    completedAt: null,
    chargedBuzz: null,
    images: [makeImage({ available: false, url: null, previewUrl: null })],
    ...overrides,
  });
}
