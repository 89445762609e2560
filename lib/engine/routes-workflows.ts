// /v2/consumer/workflows: submit (with whatif and externalId idempotency),
// query, get with long-poll, update (cancel, metadata, tags), delete, and tags.
import type { Call, Handler } from "./engine";
import { json, noContent, readJson } from "./http";
import { newBlobId, newJobId, newWorkflowId } from "./ids";
import { MAX_TAG_LENGTH, MAX_TAGS } from "./krea-facts";
import { isFinal, jobDuration, planJob, quote, testWords } from "./lifecycle";
import { presentWhatIf, presentWorkflow, type PresentContext } from "./present";
import { EngineError, fieldError, validationError } from "./problems";
import { parseWorkflowQuery, runWorkflowQuery } from "./query";
import { route } from "./router";
import { SPEED_PROFILES } from "./config";
import type { JobRecord, WorkflowRecord } from "./types";
import { FieldCollector, readTags } from "./validate-fields";
import { validateTemplate } from "./validate-template";

/** The orchestrator's request timeout: longer waits are cut to this. */
export const MAX_WAIT_SECONDS = 100;

function parseWait(url: URL): number {
  const raw = url.searchParams.get("wait");
  if (raw === null || raw === "") return 0;
  if (!/^-?\d+$/.test(raw)) throw fieldError("wait", "wait must be a whole number of seconds");
  return Math.min(MAX_WAIT_SECONDS, Math.max(0, Number(raw)));
}

function parseBool(url: URL, name: string, fallback = false): boolean {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  if (raw.toLowerCase() === "false") return false;
  if (raw.toLowerCase() === "true") return true;
  throw fieldError(name, `${name} must be true or false`);
}

/**
 * `hideMatureContent`, read before any work so a malformed value changes nothing.
 * The spec defaults it to true on the list, false on single reads and submits.
 */
function hideMatureOf(call: Call, fallback: boolean): boolean {
  return parseBool(call.url, "hideMatureContent", fallback);
}

function presentContext(call: Call, hideMature: boolean): PresentContext {
  const now = Date.now();
  return {
    hideMature,
    signer: call.core.signer,
    baseUrl: call.baseUrl,
    now,
    queue: call.core.scheduler.queueEstimates(now),
    expireUrl: () => call.core.faults.expireUrl(),
  };
}

function present(call: Call, records: WorkflowRecord[], hideMature: boolean) {
  const { store, blobs } = call.core;
  const ids = records.map((w) => w.id);
  const jobs = store.jobsOf(ids);
  const ledger = store.ledger.entriesOf(ids);
  const blobIds = [...jobs.values()]
    .flat()
    .filter((j) => j.status === "succeeded")
    .map((j) => j.blobId);
  const blobMap = blobs.getMany(blobIds);
  const ctx = presentContext(call, hideMature);
  return records.map((workflow) =>
    presentWorkflow(
      {
        workflow,
        jobs: jobs.get(workflow.id) ?? [],
        ledger: ledger.get(workflow.id) ?? [],
        blobs: blobMap,
      },
      ctx,
    ),
  );
}

/** 200 when the workflow is final (waiting up to `wait` seconds for that), else 202. */
async function answerWithWait(
  call: Call,
  id: string,
  waitSeconds: number,
  hideMature: boolean,
): Promise<Response> {
  const { store, scheduler } = call.core;
  let record = store.workflow(id);
  if (record && !isFinal(record.status) && waitSeconds > 0) {
    await scheduler.waitForFinal(id, waitSeconds * 1000, call.request.signal);
    record = store.workflow(id);
  }
  if (!record) throw new EngineError(404, `Workflow ${id} was not found.`);
  const [body] = present(call, [record], hideMature);
  return json(body, isFinal(record.status) ? 200 : 202);
}

function owned(call: Call): WorkflowRecord {
  const id = call.params.id ?? "";
  const workflow = call.core.store.workflowFor(call.userId, id);
  if (!workflow) throw new EngineError(404, `Workflow ${id} was not found.`);
  return workflow;
}

const submit: Handler = async (call) => {
  const wait = parseWait(call.url);
  const whatif = parseBool(call.url, "whatif");
  const hideMature = hideMatureOf(call, false);
  const result = validateTemplate(await readJson(call.request), { drawSeed: !whatif });
  if (!result.ok) throw validationError(result.errors);
  const template = result.template;
  const { store, scheduler, options } = call.core;
  const price = quote(template.steps);

  if (template.externalId !== null) {
    const existing = store.findByExternalId(call.userId, template.externalId);
    if (existing) return answerExisting(call, existing, wait, hideMature);
  }
  if (whatif) {
    return json(presentWhatIf(template, price, store.ledger.balance(call.userId), Date.now()), 200);
  }

  const now = Date.now();
  const id = newWorkflowId(now);
  const profile = SPEED_PROFILES[options.speed];
  const jobs: JobRecord[] = template.steps.flatMap((step, stepIndex) => {
    const words = testWords(step.input.prompt);
    return Array.from({ length: step.input.quantity }, (_, jobIndex) => {
      const jobId = newJobId();
      return {
        id: jobId,
        workflowId: id,
        stepIndex,
        jobIndex,
        status: "unassigned" as const,
        cost: step.perImage,
        plan: planJob(words, jobIndex, step.input.quantity),
        durationMs: jobDuration(jobId, step, profile),
        queuedAt: now,
        startedAt: null,
        completedAt: null,
        error: null,
        blobId: newBlobId("jpeg"),
      };
    });
  });
  const record: WorkflowRecord = {
    id,
    userId: call.userId,
    externalId: template.externalId,
    createdAt: now,
    startedAt: null,
    completedAt: null,
    status: "unassigned",
    metadata: template.metadata,
    tags: template.tags,
    extras: template.extras,
    steps: template.steps,
    costBase: price.total,
    costFactors: price.factors,
    deletedAt: null,
  };
  const outcome = store.submit(record, jobs, price.total);
  if (outcome.kind === "insufficient") {
    throw new EngineError(
      403,
      `Insufficient Buzz: this workflow costs ${price.total} Buzz but the balance is ${outcome.balance} Buzz.`,
    );
  }
  if (outcome.kind === "existing") return answerExisting(call, outcome.workflow, wait, hideMature);
  scheduler.admit(record, jobs);
  return answerWithWait(call, id, wait, hideMature);
};

function answerExisting(
  call: Call,
  existing: WorkflowRecord,
  wait: number,
  hideMature: boolean,
): Promise<Response> {
  if (existing.deletedAt !== null) {
    throw new EngineError(
      409,
      `externalId "${existing.externalId}" belongs to a workflow that was deleted; use a new externalId.`,
    );
  }
  return answerWithWait(call, existing.id, wait, hideMature);
}

const query: Handler = async (call) => {
  const hideMature = hideMatureOf(call, true);
  const q = parseWorkflowQuery(call.userId, call.url.searchParams);
  const { items, next } = runWorkflowQuery(call.core.db, q);
  return json({ next, items: present(call, items, hideMature) });
};

const get: Handler = async (call) => {
  const workflow = owned(call);
  const hideMature = hideMatureOf(call, false);
  return answerWithWait(call, workflow.id, parseWait(call.url), hideMature);
};

const UPDATE_KEYS = ["status", "metadata", "tags", "allowMatureContent"];

const update: Handler = async (call) => {
  const workflow = owned(call);
  const body = await readJson(call.request);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw fieldError("$", "The body must be an UpdateWorkflowRequest object");
  }
  const c = new FieldCollector();
  const fields: Record<string, unknown> = { ...body };
  for (const key of Object.keys(fields)) {
    if (!UPDATE_KEYS.includes(key))
      c.add(
        key,
        `"${key}" is not an UpdateWorkflowRequest property (allowed: ${UPDATE_KEYS.join(", ")})`,
      );
  }
  const { status, metadata, tags, allowMatureContent } = fields;
  if (status !== undefined && status !== null && status !== "canceled") {
    c.add("status", 'status can only be "canceled"');
  }
  if (
    metadata !== undefined &&
    metadata !== null &&
    (typeof metadata !== "object" || Array.isArray(metadata))
  ) {
    c.add("metadata", "metadata must be a JSON object");
  }
  const newTags =
    tags === undefined || tags === null
      ? null
      : readTags(tags, "tags", c, { rejectDuplicates: false });
  if (
    allowMatureContent !== undefined &&
    allowMatureContent !== null &&
    typeof allowMatureContent !== "boolean"
  ) {
    c.add("allowMatureContent", "allowMatureContent must be true, false or null");
  }
  if (!c.ok) throw validationError(c.errors);

  const { store, scheduler } = call.core;
  if (metadata && typeof metadata === "object" && !Array.isArray(metadata)) {
    store.setMetadata(workflow.id, { ...metadata });
  }
  if (newTags) store.setTags(workflow.id, newTags);
  if (typeof allowMatureContent === "boolean" || allowMatureContent === null) {
    store.setExtras(workflow.id, { ...workflow.extras, allowMatureContent });
  }
  // Canceling a final workflow changes nothing: there is nothing left to stop.
  if (status === "canceled" && !isFinal(workflow.status)) scheduler.cancel(workflow.id);
  return noContent();
};

const remove: Handler = async (call) => {
  const workflow = owned(call);
  if (!isFinal(workflow.status)) call.core.scheduler.cancel(workflow.id);
  call.core.store.softDelete(workflow.id, Date.now());
  return noContent();
};

const addTag: Handler = async (call) => {
  const workflow = owned(call);
  const tag = await readJson(call.request);
  if (typeof tag !== "string" || tag.length === 0 || tag.length > MAX_TAG_LENGTH) {
    throw fieldError(
      "tag",
      `The body must be a JSON string of 1–${MAX_TAG_LENGTH} characters, e.g. "favourite"`,
    );
  }
  if (workflow.tags.includes(tag)) return noContent();
  if (workflow.tags.length >= MAX_TAGS) {
    throw fieldError("tags", `tags maxItems is ${MAX_TAGS}: remove a tag before adding "${tag}"`);
  }
  call.core.store.setTags(workflow.id, [...workflow.tags, tag]);
  return noContent();
};

const removeTag: Handler = async (call) => {
  const workflow = owned(call);
  const tag = call.params.tag ?? "";
  if (workflow.tags.includes(tag))
    call.core.store.setTags(
      workflow.id,
      workflow.tags.filter((t) => t !== tag),
    );
  return noContent();
};

const removeAllTags: Handler = async (call) => {
  const workflow = owned(call);
  if (workflow.tags.length > 0) call.core.store.setTags(workflow.id, []);
  return noContent();
};

export const WORKFLOW_ROUTES = [
  route<Handler>("/v2/consumer/workflows", { POST: submit, GET: query }),
  route<Handler>("/v2/consumer/workflows/:id", { GET: get, PUT: update, DELETE: remove }),
  route<Handler>("/v2/consumer/workflows/:id/tags", { POST: addTag, DELETE: removeAllTags }),
  route<Handler>("/v2/consumer/workflows/:id/tags/:tag", { DELETE: removeTag }),
];
