#!/usr/bin/env node
// Extracts the orchestrator schemas the local engine answers with from the
// Civitai orchestration OpenAPI spec into a small, self-contained JSON Schema
// (2020-12) fixture, so the contract test can check shapes on CI, where only the
// repository exists. Run once whenever the spec changes:
//
//   node lib/engine/spec/extract-schemas.mjs /path/to/civitai-orchestration-openapi.json
//
// What it does, and why:
// - `allOf` is flattened into one object (properties and `required` merged).
//   The spec marks every part `additionalProperties: false`, which taken
//   literally makes each `allOf` unsatisfiable; the generator meant "the union
//   of these properties and nothing else", so that is what we write.
// - `discriminator` is dropped (ajv does not dispatch on it). Where a
//   discriminator would pick the concrete schema for a Krea v2 workflow, the
//   concrete schema is substituted (see SPECIALIZE), e.g. a Workflow's steps
//   are ImageGenSteps whose input is the Krea2 createImage input.
// - OpenAPI-only keywords (`example`) are dropped so ajv can run in strict mode.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOTS = [
  "Workflow",
  "WorkflowStep",
  "ImageGenStep",
  "ImageGenOutput",
  "ImageBlob",
  "Blob",
  "WorkflowStepJob",
  "WorkflowStepJobQueuePosition",
  "TransactionSummary",
  "TransactionInfo",
  "WorkflowCost",
  "ProblemDetails",
  "ValidationProblemDetails",
  "WorkflowTemplate",
  "ImageGenStepTemplate",
  "UpdateWorkflowRequest",
  "CursedArrayOfTelemetryCursorAndWorkflow",
  "Krea2FalImageGenInput",
  "Krea2CreateFalImageGenInput",
  "Krea2StyleReference",
];

/**
 * Discriminator choices for a Krea v2 imageGen workflow: [schema, property path
 * inside the flattened schema, concrete schema the discriminator resolves to].
 */
const SPECIALIZE = [
  ["Workflow", ["steps", "items"], "ImageGenStep"],
  ["ImageGenStep", ["input"], "Krea2CreateFalImageGenInput"],
  ["WorkflowTemplate", ["steps", "items"], "ImageGenStepTemplate"],
  ["ImageGenStepTemplate", ["input"], "Krea2CreateFalImageGenInput"],
];

const DROP_KEYS = new Set(["discriminator", "example"]);
const REF_PREFIX = "#/components/schemas/";

function main() {
  const specPath = process.argv[2];
  if (!specPath) {
    console.error("usage: extract-schemas.mjs <openapi.json> [out.json]");
    process.exit(2);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const outPath = process.argv[3] ?? path.join(here, "orchestrator-schemas.json");
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const all = spec.components.schemas;

  const named = (name) => {
    const schema = all[name];
    if (!schema) throw new Error(`schema ${name} is not in the spec`);
    return schema;
  };

  // Resolves a schema to its flattened form: allOf merged, refs inside kept.
  const flatten = (schema) => {
    if (Array.isArray(schema)) return schema.map(flatten);
    if (!schema || typeof schema !== "object") return schema;
    let out = {};
    for (const [key, value] of Object.entries(schema)) {
      if (DROP_KEYS.has(key) || key === "allOf") continue;
      out[key] = key === "$ref" ? value : flattenChildren(key, value);
    }
    if (schema.allOf) {
      const parts = schema.allOf.map((part) =>
        part.$ref ? flatten(named(part.$ref.slice(REF_PREFIX.length))) : flatten(part),
      );
      const merged = parts.reduce(mergeObjects, {});
      // The outer schema's own keys (description) win over the parts'.
      out = { ...merged, ...out };
    }
    return out;
  };

  const flattenChildren = (key, value) => {
    if (key === "properties" || key === "$defs") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flatten(v)]));
    }
    if (value && typeof value === "object") return flatten(value);
    return value;
  };

  const defs = {};
  const queue = [...ROOTS];
  while (queue.length > 0) {
    const name = queue.shift();
    if (defs[name]) continue;
    defs[name] = flatten(named(name));
    for (const [owner, at, concrete] of SPECIALIZE) {
      if (owner === name) setAt(defs[name], at, { $ref: REF_PREFIX + concrete });
    }
    for (const ref of collectRefs(defs[name])) queue.push(ref);
  }

  const rewritten = JSON.parse(JSON.stringify(defs).replaceAll(`"${REF_PREFIX}`, '"#/$defs/'));
  const sorted = Object.fromEntries(
    Object.keys(rewritten)
      .sort()
      .map((k) => [k, rewritten[k]]),
  );
  const doc = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://krea-studio.local/schemas/orchestrator.json",
    $comment: `Extracted from the Civitai orchestration OpenAPI spec (${spec.info?.version ?? "unknown version"}) by extract-schemas.mjs; allOf flattened, discriminators resolved for Krea v2 imageGen. Do not edit by hand.`,
    $defs: sorted,
  };
  writeFileSync(outPath, JSON.stringify(doc, null, 2) + "\n");
  console.log(`wrote ${Object.keys(sorted).length} schemas to ${outPath}`);
}

/** Merges two flattened object schemas the way allOf means it here. */
function mergeObjects(a, b) {
  const out = { ...a, ...b };
  if (a.properties || b.properties) {
    out.properties = { ...a.properties };
    for (const [key, value] of Object.entries(b.properties ?? {})) {
      out.properties[key] = out.properties[key] ? { ...out.properties[key], ...value } : value;
    }
  }
  if (a.required || b.required)
    out.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  if (a.additionalProperties === false || b.additionalProperties === false)
    out.additionalProperties = false;
  return out;
}

function setAt(schema, at, value) {
  let node = schema.properties;
  for (let i = 0; i < at.length - 1; i++) node = node[at[i]];
  const last = at[at.length - 1];
  // Keep the property's description and nullability; swap what it points at.
  if (last === "items") node.items = value;
  else node[last] = { ...stripRef(node[last]), ...value };
}

function stripRef(schema) {
  const { $ref: _ref, ...rest } = schema ?? {};
  return rest;
}

function collectRefs(node, out = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.add(value.slice(REF_PREFIX.length));
      else collectRefs(value, out);
    }
  }
  return out;
}

main();
