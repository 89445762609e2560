import "server-only";
import { addWorkflowTag, removeWorkflowTag, updateWorkflow } from "@civitai/client";
import { AppError } from "@/lib/server/http/problem";
import type { Generation } from "@/lib/contract/generations/types";
import type { KreaSize } from "@/lib/contract/krea/options";
import { FAVOURITE_TAG, TAG_PREFIX, withFavourite } from "@/lib/contract/generations/links";
import { callSdk } from "./client";
import { forgetFinal } from "./final-cache";
import { READ_POLICY, withRetry } from "./retry";
import type { OrchestratorTarget } from "./target";
import { getGeneration } from "./workflows";

// Changes to a workflow after it was submitted: favourites (tags) and the pair
// a later "Try on other tier" adds to the original (metadata + tag). Every
// change is a tag or metadata call through the SDK, so it lives on the
// orchestrator, not in the studio.

const TIMEOUT_MS = 15_000;

async function tagCall(
  target: OrchestratorTarget,
  id: string,
  tag: string,
  action: "add" | "remove",
): Promise<void> {
  await withRetry(
    () =>
      callSdk(
        target,
        (x) =>
          action === "add"
            ? addWorkflowTag({ ...x, path: { workflowId: id }, body: tag })
            : removeWorkflowTag({ ...x, path: { workflowId: id, tag } }),
        { timeoutMs: TIMEOUT_MS },
      ),
    READ_POLICY, // adding or removing a tag twice leaves the same tags
  );
}

/**
 * One change at a time per workflow in this process: a favourite is read, then
 * written in two or three calls, and two quick clicks must not interleave.
 */
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  queues.set(key, next);
  void next
    .catch(() => undefined)
    .finally(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
  return next;
}

const queueKey = (target: OrchestratorTarget, id: string) => `${target.baseUrl}\n${id}`;

/** Stars or unstars one image (0-based) of a generation; answers the generation with its new tags. */
export function setFavourite(
  target: OrchestratorTarget,
  id: string,
  index: number,
  on: boolean,
): Promise<Generation> {
  return serialized(queueKey(target, id), async () => {
    // The finished-generation cache may hold tags from before the last change.
    await forgetFinal(target, id);
    try {
      return await starImage(target, id, index, on);
    } finally {
      // Whatever landed (all, or part on a failure) shows on the next read.
      await forgetFinal(target, id);
    }
  });
}

async function starImage(
  target: OrchestratorTarget,
  id: string,
  index: number,
  on: boolean,
): Promise<Generation> {
  const g = await getGeneration(target, id);
  const size = Math.max(g.images.length, g.input?.quantity ?? 1);
  if (index >= size) {
    throw new AppError("validation", {
      detail: `This generation has ${size} image${size === 1 ? "" : "s"}; image must be 0 to ${size - 1}.`,
      fieldErrors: { image: [`must be 0 to ${size - 1}`] },
    });
  }
  const next = withFavourite(g.tags, index, on);
  const isList = (t: string) => t.startsWith(TAG_PREFIX.favourites);
  const nextList = next.find(isList) ?? null;
  const had = g.tags.includes(FAVOURITE_TAG);
  const wants = next.includes(FAVOURITE_TAG);
  // The order keeps the favourites filter honest and stays inside 10 tags:
  // `fav` goes first when the last star goes, old lists go before the new one
  // arrives, and `fav` comes last when the first star arrives.
  if (had && !wants) await tagCall(target, id, FAVOURITE_TAG, "remove");
  for (const old of g.tags.filter((t) => isList(t) && t !== nextList)) {
    await tagCall(target, id, old, "remove");
  }
  if (nextList && !g.tags.includes(nextList)) await tagCall(target, id, nextList, "add");
  if (wants && !had) await tagCall(target, id, FAVOURITE_TAG, "add");
  return { ...g, tags: next };
}

/**
 * Records on an existing generation that it is one side of a pair: metadata
 * `pairId` and the tag `pair:<id>`. Called before the other side is submitted,
 * so a refusal costs nothing: a generation of the same tier, or one already in
 * another pair (409). Metadata is replaced as a whole by the orchestrator, so
 * the generation's own metadata is sent back with the pair added.
 */
export function linkPair(
  target: OrchestratorTarget,
  id: string,
  pairId: string,
  otherSize: KreaSize,
): Promise<void> {
  return serialized(queueKey(target, id), async () => {
    await forgetFinal(target, id);
    try {
      await pairWith(target, id, pairId, otherSize);
    } finally {
      await forgetFinal(target, id);
    }
  });
}

async function pairWith(
  target: OrchestratorTarget,
  id: string,
  pairId: string,
  otherSize: KreaSize,
): Promise<void> {
  const g = await getGeneration(target, id);
  if (!g.input) {
    throw new AppError("validation", {
      detail: "The parent is not a Krea v2 generation the studio can pair.",
      fieldErrors: { parent: ["not a Krea v2 generation"] },
    });
  }
  if (g.input.size === otherSize) {
    throw new AppError("validation", {
      detail: `The parent is already ${otherSize}; try it on the other tier.`,
      fieldErrors: { size: [`must differ from the parent's (${otherSize})`] },
    });
  }
  if (g.metadata.pairId && g.metadata.pairId !== pairId) {
    throw new AppError("conflict", {
      detail: "That generation is already compared with another tier.",
    });
  }
  if (g.metadata.pairId !== pairId) {
    await withRetry(
      () =>
        callSdk(
          target,
          (x) =>
            updateWorkflow({
              ...x,
              path: { workflowId: id },
              body: { metadata: { ...g.metadata, pairId } },
            }),
          { timeoutMs: TIMEOUT_MS },
        ),
      READ_POLICY, // the same metadata twice is the same metadata
    );
  }
  const tag = `${TAG_PREFIX.pair}${pairId}`;
  if (!g.tags.includes(tag)) await tagCall(target, id, tag, "add");
}
