// What goes into a zip of chosen images: each image under a name a designer
// can find again (krea-<seed>-<generation>-<n>.jpg), a JSON sidecar beside it
// with everything needed to trace or remake it, and a manifest listing what is
// in the zip and what could not be fetched. Pure, so the contents are tested.
import { workflowBodyFor } from "@/lib/contract/generations/api-request";
import { sidecarSettings } from "@/lib/contract/krea/fields";
import { favouriteIndices } from "./links";
import type { Generation, GenerationImage } from "./types";

export interface ZipItem {
  generation: Generation;
  image: GenerationImage;
  /** 1-based place in its generation */
  n: number;
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

const safe = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 80);

/** "krea-42-wf_abc-2": the seed first, so files sort by it. */
export function zipBaseName({ generation: g, n }: ZipItem): string {
  const seed = typeof g.input?.seed === "number" ? g.input.seed : "noseed";
  return `krea-${seed}-${safe(g.id)}-${n}`;
}

export function imageFileName(item: ZipItem, contentType = "image/jpeg"): string {
  return `${zipBaseName(item)}.${EXTENSIONS[contentType.split(";")[0]?.trim() ?? ""] ?? "jpg"}`;
}

/** Everything about one image: its settings, seed, size, tier, cost, times, links and the exact API body. */
export function imageSidecar({ generation: g, image, n }: ZipItem) {
  const input = g.input;
  return {
    prompt: input?.prompt ?? null,
    settings: input ? sidecarSettings(input) : null,
    seed: input?.seed ?? null,
    tier: input?.size ?? null,
    image: {
      id: image.id,
      index: n - 1,
      n,
      width: image.width,
      height: image.height,
      favourite: favouriteIndices(g.tags).includes(n - 1),
    },
    cost: {
      quotedBuzz: g.quotedBuzz,
      chargedBuzz: g.chargedBuzz,
      perImageBuzz: g.jobs[n - 1]?.cost ?? null,
    },
    createdAt: g.createdAt,
    completedAt: g.completedAt,
    status: g.status,
    workflowId: g.id,
    parentId: g.metadata.parentId ?? null,
    lineage: g.metadata.lineageKind ?? null,
    pairId: g.metadata.pairId ?? null,
    sweepId: g.metadata.sweepId ?? null,
    styleSet: g.metadata.styleSet ?? null,
    tags: g.tags,
    apiRequest: {
      method: "POST",
      path: "/v2/consumer/workflows",
      body: workflowBodyFor(g),
    },
  };
}

export interface ManifestEntry {
  workflowId: string;
  /** null when the generation itself could not be read */
  imageId: string | null;
  image: string | null;
  sidecar: string | null;
  /** why the image is not in the zip */
  error?: string;
}

export function zipManifest(entries: readonly ManifestEntry[], createdAt: Date) {
  const failed = entries.filter((e) => e.error !== undefined);
  return {
    format: "krea-studio.images",
    version: 1,
    createdAt: createdAt.toISOString(),
    count: entries.length - failed.length,
    failed: failed.length,
    entries,
  };
}
