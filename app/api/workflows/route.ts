// POST /api/workflows — submit a Krea input (Idempotency-Key header = externalId; X-Studio-Account = the account it was made for, 409 when that is not the current one; X-Watch-Session joins the tab's long-poll, answered by X-Watch-Joined: seq; ?parent=&lineage=&pair=&sweep=&sweepKind=&sweepRef= and ?styleSet=&styleSetVersion= are recorded on the workflow); GET — history, newest first, filtered by the gallery's filters
import { AppError, validationError } from "@/lib/server/http/problem";
import { intParam, json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { parseFilters, parseInstant } from "@/lib/contract/generations/filters";
import { parseSubmitContext, submitLinks } from "@/lib/contract/generations/links";
import { randomSeed } from "@/lib/contract/krea/options";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import { EXTERNAL_ID_PATTERN } from "@/lib/contract/krea/workflow-body";
import { assertSubmitAccount } from "@/lib/server/orchestrator/account";
import { listHistory } from "@/lib/server/orchestrator/history";
import { submitOnce } from "@/lib/server/orchestrator/idempotency";
import { forgetSpend } from "@/lib/server/orchestrator/spend";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { joinWatchSession } from "@/lib/server/orchestrator/watch";
import { linkPair } from "@/lib/server/orchestrator/workflow-links";
import { MAX_WAIT_SECONDS, submitGeneration } from "@/lib/server/orchestrator/workflows";
import { resignReferences } from "@/lib/server/references/resign";
import { assertReferencesAllowed } from "@/lib/server/references/submit-guard";
import { styleSetBodyOptions, styleSetFromQuery } from "@/lib/server/style-sets/generation-link";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";

export const dynamic = "force-dynamic";

/** A workflow created this long before our request counts as a replay of an earlier submit. */
const REPLAY_AGE_MS = 5_000;

export const POST = route(async (request) => {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key || !EXTERNAL_ID_PATTERN.test(key)) {
    throw new AppError("bad_request", {
      detail:
        "Send an Idempotency-Key header (1–128 characters of A–Z, a–z, 0–9, _ or -), one fresh key per Generate click: it keeps a retried submit from being charged twice.",
      fieldErrors: { "Idempotency-Key": ["required: 1–128 characters of A–Z, a–z, 0–9, _ or -"] },
    });
  }
  const url = new URL(request.url);
  const wait = intParam(url, "wait", 0, 0, MAX_WAIT_SECONDS);
  const { context, errors } = parseSubmitContext(url.searchParams);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const input = parseOrThrow(kreaInputSchema, await readJson(request));
  if (context.sweepRef !== undefined && context.sweepRef >= input.imageStyleReferences.length) {
    throw validationError({ sweepRef: ["must name one of the submitted references"] });
  }
  const styleSet = await styleSetFromQuery(url.searchParams, getStyleSetStore);
  const target = await targetFor(request);
  // A kept submit goes only to the account it was clicked for (X-Studio-Account).
  assertSubmitAccount(request, target);
  assertReferencesAllowed(target, input.imageStyleReferences);
  // Whatever sent it, the orchestrator gets references it can still fetch.
  const imageStyleReferences = await resignReferences(target, input.imageStyleReferences);

  const seeded = { ...input, imageStyleReferences, seed: input.seed ?? randomSeed() };
  const links = submitLinks(seeded, context);
  const set = styleSetBodyOptions(styleSet);
  // "Try on other tier": the original learns it is paired before anything is spent.
  if (context.lineage === "tier" && context.parent && context.pair) {
    await linkPair(target, context.parent, context.pair, input.size);
  }

  const started = Date.now();
  // No abort signal: once clicked, a submit completes even if the browser leaves,
  // and shows up in the history on the next load.
  const { result, replay } = await submitOnce(target, key, () =>
    submitGeneration(target, seeded, {
      externalId: key,
      wait,
      tags: [...links.tags, ...(set.tags ?? [])],
      metadata: { ...links.metadata, ...set.metadata },
    }),
  );
  const { generation } = result;
  forgetSpend(target);
  const isReplay = replay || Date.parse(generation.createdAt) < started - REPLAY_AGE_MS;
  // The submitting tab's running long-poll follows the new workflow from here on.
  const joined = generation.final
    ? null
    : await joinWatchSession(request.headers.get("x-watch-session"), target, generation.id);
  return json(generation, isReplay ? 200 : 201, {
    location: `/api/workflows/${encodeURIComponent(generation.id)}`,
    ...(joined === null ? {} : { "x-watch-joined": String(joined) }),
  });
});

export const GET = route(async (request) => {
  const url = new URL(request.url);
  const take = intParam(url, "take", 30, 1, 100);
  // Opaque and of no promised length (spec): passed on as it came.
  const cursor = url.searchParams.get("cursor") || undefined;
  // Filters are read leniently (junk is ignored), like the gallery's URL they come from.
  const filters = parseFilters(url.searchParams);
  const range = {
    from: parseInstant(url.searchParams.get("fromDate")),
    to: parseInstant(url.searchParams.get("toDate")),
  };
  const target = await targetFor(request);
  return json(await listHistory(target, filters, { cursor, take, range, signal: request.signal }));
});
