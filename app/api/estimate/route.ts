// POST /api/estimate — the cost of a Krea input: local breakdown plus the orchestrator's whatif figure
import { toAppError } from "@/lib/server/http/problem";
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { randomSeed } from "@/lib/contract/krea/options";
import { estimateCost } from "@/lib/contract/krea/pricing";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { describeTarget } from "@/lib/server/orchestrator/target";
import { quoteGeneration } from "@/lib/server/orchestrator/workflows";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const input = parseOrThrow(kreaInputSchema, await readJson(request));
  const target = await targetFor(request);
  const styleReferenceCount = input.imageStyleReferences.length;
  const local = estimateCost({ size: input.size, quantity: input.quantity, styleReferenceCount });
  const otherTier = estimateCost({
    size: input.size === "medium" ? "large" : "medium",
    quantity: input.quantity,
    styleReferenceCount,
  });

  let orchestrator: { total: number; insufficientBuzz: boolean | null } | null = null;
  let orchestratorError: { kind: string; detail: string } | null = null;
  try {
    orchestrator = await quoteGeneration(
      target,
      { ...input, seed: input.seed ?? randomSeed() },
      request.signal,
    );
  } catch (error) {
    // The local figure stays useful when the orchestrator cannot quote.
    const e = toAppError(error);
    orchestratorError = { kind: e.kind, detail: e.detail };
  }

  return json({
    engine: describeTarget(target).engine,
    local,
    otherTier,
    orchestrator,
    orchestratorError,
    matches: orchestrator ? orchestrator.total === local.total : null,
  });
});
