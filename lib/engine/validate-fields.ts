// Field readers shared by the workflow template and update validators: each
// reads one field leniently (null and absent are the same), records a message
// keyed by its path on failure, and returns a usable default so every error in
// a body is reported at once rather than one per round trip.
import { MAX_TAG_LENGTH, MAX_TAGS } from "./krea-facts";
import type { FieldErrors } from "./problems";
import type { WorkflowExtras } from "./types";

const NSFW_LEVELS = ["pg", "pg13", "r", "x", "xxx", "na"];
const CURRENCIES = ["yellow", "blue", "green", "fakeRed"];
const CALLBACK_KEYS = ["url", "type", "detailed"];

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class FieldCollector {
  // No prototype: a body key such as "__proto__" is just a field name here.
  readonly errors: FieldErrors = Object.create(null);
  add(field: string, message: string): void {
    const list = (this.errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

export function readTags(
  value: unknown,
  at: string,
  c: FieldCollector,
  options: { rejectDuplicates: boolean },
): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    c.add(at, "tags must be a list of strings");
    return [];
  }
  const tags: string[] = [];
  value.forEach((tag, index) => {
    if (typeof tag !== "string" || tag.length === 0 || tag.length > MAX_TAG_LENGTH) {
      c.add(`${at}[${index}]`, `each tag must be a string of 1–${MAX_TAG_LENGTH} characters`);
    } else if (tags.includes(tag)) {
      if (options.rejectDuplicates)
        c.add(at, `tags must be unique (uniqueItems): "${tag}" appears more than once`);
    } else {
      tags.push(tag);
    }
  });
  if (tags.length > MAX_TAGS)
    c.add(at, `tags maxItems is ${MAX_TAGS}: a workflow carries at most ${MAX_TAGS} tags`);
  return tags;
}

export function readExtras(body: Json, c: FieldCollector): WorkflowExtras {
  const extras: WorkflowExtras = {
    arguments: optionalObject(body.arguments, "arguments", c),
    callbacks: readCallbacks(body.callbacks, c),
    tips: { civitai: 0, creators: 0 },
    upgradeMode: "manual",
    currencies: [],
  };
  if (body.tips !== undefined && body.tips !== null) {
    const tips = body.tips;
    const rate = (v: unknown) => typeof v === "number" && v >= 0 && v <= 2;
    if (
      !isObject(tips) ||
      !rate(tips.civitai) ||
      !rate(tips.creators) ||
      Object.keys(tips).length !== 2
    ) {
      c.add("tips", "tips must be { civitai, creators } with rates from 0 to 2");
    } else {
      extras.tips = { civitai: Number(tips.civitai), creators: Number(tips.creators) };
    }
  }
  if (body.upgradeMode !== undefined) {
    if (body.upgradeMode === "manual" || body.upgradeMode === "automatic")
      extras.upgradeMode = body.upgradeMode;
    else c.add("upgradeMode", "upgradeMode must be one of: manual, automatic");
  }
  if (body.currencies !== undefined && body.currencies !== null) {
    const list = body.currencies;
    if (
      !Array.isArray(list) ||
      list.some((x) => typeof x !== "string" || !CURRENCIES.includes(x))
    ) {
      c.add("currencies", `currencies must be a list of: ${CURRENCIES.join(", ")}`);
    } else {
      extras.currencies = list.map(String);
    }
  }
  if (body.nsfwLevel !== undefined && body.nsfwLevel !== null) {
    if (typeof body.nsfwLevel === "string" && NSFW_LEVELS.includes(body.nsfwLevel))
      extras.nsfwLevel = body.nsfwLevel;
    else c.add("nsfwLevel", `nsfwLevel must be one of: ${NSFW_LEVELS.join(", ")}`);
  }
  for (const key of ["experimental", "allowMatureContent"] as const) {
    const v = body[key];
    if (v === undefined) continue;
    if (v === null || typeof v === "boolean") extras[key] = v;
    else c.add(key, `${key} must be true, false or null`);
  }
  return extras;
}

function readCallbacks(value: unknown, c: FieldCollector): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    c.add("callbacks", "callbacks must be a list of { url, type }");
    return [];
  }
  value.forEach((cb, index) => {
    const ok =
      isObject(cb) &&
      typeof cb.url === "string" &&
      Array.isArray(cb.type) &&
      cb.type.every((t) => typeof t === "string") &&
      Object.keys(cb).every((k) => CALLBACK_KEYS.includes(k));
    if (!ok) c.add(`callbacks[${index}]`, "a callback is { url, type: [event, …], detailed? }");
  });
  return value;
}

export function optionalObject(
  value: unknown,
  at: string,
  c: FieldCollector,
): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) {
    c.add(at, `${at.split(".").pop()} must be a JSON object`);
    return {};
  }
  return value;
}
