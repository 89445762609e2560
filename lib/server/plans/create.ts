import "server-only";
import { AppError, validationError } from "@/lib/server/http/problem";
import { parseOrThrow } from "@/lib/server/http/validate";
import { accountOf, assertSubmitAccount } from "@/lib/server/orchestrator/account";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { assertReferencesAllowed } from "@/lib/server/references/submit-guard";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { axisTitle, emptyPromptCells, expandGrid, type GridSpec } from "@/lib/contract/grid/grid";
import { createPlanSchema } from "@/lib/contract/grid/schema";
import { randomSeed } from "@/lib/contract/krea/options";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import { EXTERNAL_ID_PATTERN } from "@/lib/contract/krea/workflow-body";
import { ensureRunning } from "./runner";
import { getPlanStore, type PlanRecord } from "./store";

// POST /api/plans: the server expands the spec itself, checks every cell as a
// submit would be checked, and refuses a total other than the one the designer
// agreed to. Only then is the plan stored and its loop started.

export function idempotencyKey(request: Request): string {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key || !EXTERNAL_ID_PATTERN.test(key)) {
    throw new AppError("bad_request", {
      detail:
        "Send an Idempotency-Key header (1–128 characters of A–Z, a–z, 0–9, _ or -), one fresh key per grid: it keeps a retried request from starting the grid twice.",
      fieldErrors: { "Idempotency-Key": ["required: 1–128 characters of A–Z, a–z, 0–9, _ or -"] },
    });
  }
  return key;
}

/** Every set the grid names must exist; the base set's name is the store's. */
async function withSetNames(spec: GridSpec): Promise<GridSpec> {
  const named = [
    ...(spec.baseStyleSet ? [{ field: "baseStyleSet", id: spec.baseStyleSet.id }] : []),
    ...spec.axes.flatMap((a, i) =>
      a.kind === "styleSet" ? a.values.map((s) => ({ field: `axes.${i}`, id: s.id })) : [],
    ),
  ];
  if (named.length === 0) return spec;
  const store = getStyleSetStore();
  const names = new Map<string, string>();
  for (const { field, id } of named) {
    const set = await store.get(id, { includeDeleted: true });
    if (!set) throw validationError({ [field]: [`there is no style set ${id}`] });
    names.set(id, set.name);
  }
  const base = spec.baseStyleSet;
  return base
    ? { ...spec, baseStyleSet: { ...base, name: names.get(base.id) ?? base.name } }
    : spec;
}

export async function createPlan(
  request: Request,
  body: unknown,
  target: OrchestratorTarget,
): Promise<{ plan: PlanRecord; created: boolean }> {
  const key = idempotencyKey(request);
  const parsed = parseOrThrow(createPlanSchema, body);
  assertSubmitAccount(request, target);
  const spec = await withSetNames({
    ...parsed.spec,
    base: { ...parsed.spec.base, seed: parsed.spec.base.seed ?? randomSeed() },
  });
  const expansion = expandGrid(spec);
  if (!expansion.ok) throw validationError(expansion.errors);
  const { grid } = expansion;
  const empty = emptyPromptCells(grid);
  if (empty.length > 0) {
    throw validationError({
      prompt: [`${empty.length} cell(s) would have an empty prompt: give every choice some text`],
    });
  }
  // Each cell is a submit: the same checks a Generate gets, before anything is stored.
  grid.cells.forEach((c) => parseOrThrow(kreaInputSchema, c.input, `cells.${c.index}.`));
  for (const c of grid.cells) assertReferencesAllowed(target, c.input.imageStyleReferences);
  if (grid.total !== parsed.expectedTotal) {
    throw new AppError("conflict", {
      title: "The total changed",
      detail: `This grid costs ${grid.total} Buzz, not the ${parsed.expectedTotal} Buzz that was shown. Nothing was sent: check the grid again.`,
      extensions: { total: grid.total },
    });
  }
  const account = accountOf(target).fingerprint;
  const result = await getPlanStore().create({
    createKey: `${account}:${key}`,
    account,
    source: target.source,
    title: parsed.title?.trim() || grid.axes.map(axisTitle).join(" × "),
    spec,
    grid,
  });
  ensureRunning(result.plan, target);
  return result;
}

/** A plan as this request's account may see it: another account's is a 404. */
export async function planFor(id: string, target: OrchestratorTarget): Promise<PlanRecord> {
  const store = getPlanStore();
  const plan = /^g_[a-z0-9]{16}$/.test(id) ? await store.get(id) : null;
  if (!plan || plan.account !== accountOf(target).fingerprint) {
    throw new AppError("not_found", { detail: `There is no grid ${id} for this account.` });
  }
  return plan;
}
