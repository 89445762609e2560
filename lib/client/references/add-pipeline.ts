// Turning dropped, pasted, picked or typed things into reference rows, and
// following each until it is usable. Loaded on first use, never with the page.
//
// - A file is judged by its first bytes at once (the same sniffing the server
//   does): a non-image never becomes a row, never reaches the server, and its
//   message sits next to the list. An image becomes an "uploading" row with a
//   local preview and a progress bar. A refusal from the server (too large, a
//   pixel bomb) removes the row and says why; a failure that may heal (network,
//   5xx, 429) leaves the row in error with Retry while the page still has the file.
// - A link becomes a "checking" row; the server's answer makes it ready (with a
//   studio-made thumbnail) or a warning that stays usable. An address the server
//   refuses outright (private, local) removes the row and says why.
// - A batch that does not fit under ten adds what fits, in order, and names
//   the rest.
import { ApiError } from "@/lib/client/platform/api-client";
import { notAnImageMessage, sniffImage } from "@/lib/contract/references/sniff";
import { checkUrl, uploadFile, type UploadAnswer } from "./reference-api";
import { readDropped, screenTypedUrl, type DroppedData, type ParseHtml } from "./dropped";
import { newKey, type ReferenceEntry } from "./entry";
import { labelFromFile, labelFromUrl } from "@/lib/contract/references/label";
import { appendEntries, patchEntry, removeEntry, type ListAccess } from "./list";
import { DEFAULT_STRENGTH } from "@/lib/contract/references/strength";

export interface ReferenceListApi extends ListAccess {
  /** replaces the messages next to the list ([] clears them) */
  report(messages: string[]): void;
  /**
   * adds one to the messages already shown: a refusal that arrives later (the
   * server turned an upload down) must not erase what the same drop reported
   */
  append(message: string): void;
}

// Page-lifetime state, keyed by row: the file (for Retry), the way to stop its
// upload (Remove while uploading), its blob: preview (revoked when done).
const files = new Map<string, File>();
const aborts = new Map<string, AbortController>();
const previews = new Map<string, string>();

const SNIFF_BYTES = 1024;

async function sniffFile(file: File): Promise<string | null> {
  try {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const result = sniffImage(head);
    return result.format ? null : notAnImageMessage(result.looksLike, "file");
  } catch {
    return "This file could not be read (it may have been moved or deleted).";
  }
}

const named = (label: string, message: string) => `“${label}”: ${message}`;

function patch(api: ReferenceListApi, key: string, change: Partial<ReferenceEntry>): void {
  const list = api.get();
  const next = patchEntry(list, key, change);
  if (next !== list) api.set(next);
}

function settle(key: string): void {
  aborts.delete(key);
  const preview = previews.get(key);
  if (preview) URL.revokeObjectURL(preview);
  previews.delete(key);
}

/** Judged worth a retry: the request may not have arrived, or the server may heal. */
function mayHeal(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 429 || error.status === 408;
}

function errorText(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return "Something went wrong.";
}

// Additions join the list in the order they were made: a file's bytes are read
// before its row appears, and a link dropped right after must not overtake it.
let queue: Promise<unknown> = Promise.resolve();
function inOrder<T>(work: () => T | Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

export function addFiles(api: ReferenceListApi, picked: readonly File[]): Promise<void> {
  return inOrder(() => appendFiles(api, picked));
}

async function appendFiles(api: ReferenceListApi, picked: readonly File[]): Promise<void> {
  const judged = await Promise.all(
    picked.map(async (file) => ({ file, problem: await sniffFile(file) })),
  );
  const messages = judged
    .filter((j) => j.problem)
    .map((j) => named(labelFromFile(j.file.name), j.problem ?? ""));
  const images = judged.filter((j) => !j.problem).map((j) => j.file);
  if (images.length === 0) return api.report(messages);

  const rows = images.map((file): ReferenceEntry => {
    const key = newKey();
    const preview = URL.createObjectURL(file);
    previews.set(key, preview);
    files.set(key, file);
    return {
      key,
      imageUrl: "",
      strength: DEFAULT_STRENGTH,
      label: labelFromFile(file.name),
      status: "uploading",
      previewUrl: preview,
      progress: 0,
    };
  });
  const change = appendEntries(api.get(), rows);
  for (const row of change.leftOut) {
    settle(row.key);
    files.delete(row.key);
  }
  if (change.kept.length > 0) api.set(change.list);
  api.report(change.message ? [...messages, change.message] : messages);
  for (const row of change.kept) void upload(api, row.key);
}

async function upload(api: ReferenceListApi, key: string): Promise<void> {
  const file = files.get(key);
  if (!file) return;
  const controller = new AbortController();
  aborts.set(key, controller);
  let shown = 0;
  let answer: UploadAnswer;
  try {
    answer = await uploadFile(file, {
      signal: controller.signal,
      onProgress: (fraction) => {
        // A form update per progress event would rewrite the draft dozens of times a second.
        if (fraction - shown < 0.05 && fraction < 1) return;
        shown = fraction;
        patch(api, key, { progress: fraction });
      },
    });
  } catch (error) {
    settle(key);
    if (controller.signal.aborted) return;
    const row = api.get().find((e) => e.key === key);
    if (!row) return;
    if (mayHeal(error)) {
      patch(api, key, { status: "error", progress: null, message: errorText(error) });
    } else {
      files.delete(key);
      api.set(removeEntry(api.get(), key));
      api.append(named(row.label, errorText(error)));
    }
    return;
  }
  settle(key);
  files.delete(key);
  patch(api, key, {
    status: "ready",
    imageUrl: answer.url,
    blobId: answer.id,
    urlExpiresAt: answer.urlExpiresAt,
    thumbnailId: answer.thumbnailId,
    previewUrl: answer.displayUrl.startsWith("/") ? answer.displayUrl : null,
    progress: null,
    message: null,
  });
}

/** Adds links, as many as fit; false (with the message reported) when none was added. */
export function addUrls(
  api: ReferenceListApi,
  urls: readonly string[],
  notes: readonly string[] = [],
): Promise<boolean> {
  return inOrder(() => appendUrls(api, urls, notes));
}

function appendUrls(
  api: ReferenceListApi,
  urls: readonly string[],
  notes: readonly string[],
): boolean {
  const list = api.get();
  const known = new Map(list.map((e, i) => [e.imageUrl, i + 1]));
  const messages: string[] = [...notes];
  const fresh = urls.filter((url) => {
    const place = known.get(url);
    if (place) messages.push(`That link is already reference ${place}.`);
    return !place;
  });
  if (fresh.length === 0) {
    api.report(messages);
    return messages.length === 0;
  }
  const rows = fresh.map((url): ReferenceEntry => ({
    key: newKey(),
    imageUrl: url,
    strength: DEFAULT_STRENGTH,
    label: labelFromUrl(url),
    status: "checking",
  }));
  const change = appendEntries(list, rows);
  if (change.kept.length > 0) api.set(change.list);
  api.report(change.message ? [...messages, change.message] : messages);
  for (const row of change.kept) void check(api, row.key, row.imageUrl);
  return change.kept.length > 0;
}

const checking = new Set<string>();

async function check(api: ReferenceListApi, key: string, url: string): Promise<void> {
  if (checking.has(key)) return;
  checking.add(key);
  try {
    const answer = await checkUrl(url);
    if (answer.ok) {
      patch(api, key, { status: "ready", thumbnailId: answer.thumbnailId, message: null });
    } else {
      patch(api, key, { status: "warning", message: answer.warning });
    }
  } catch (error) {
    const row = api.get().find((e) => e.key === key);
    if (!row) return;
    if (error instanceof ApiError && error.status === 400) {
      api.set(removeEntry(api.get(), key));
      api.append(named(url, error.fieldErrors.url?.[0] ?? error.detail));
    } else {
      patch(api, key, {
        status: "error",
        message: `The studio could not check this link: ${errorText(error)}`,
      });
    }
  } finally {
    checking.delete(key);
  }
}

/** Checks rows a reload left "checking" (their request died with the page). */
export function resumeChecks(api: ReferenceListApi): void {
  for (const row of api.get()) {
    if (row.status === "checking" && row.imageUrl) void check(api, row.key, row.imageUrl);
  }
}

/** Whether Retry can do anything for the row: a link can always be re-checked, a file only while the page has it. */
export function canRetry(entry: ReferenceEntry): boolean {
  if (entry.status !== "error") return false;
  return entry.blobId ? false : entry.imageUrl ? true : files.has(entry.key);
}

export function retry(api: ReferenceListApi, key: string): void {
  const row = api.get().find((e) => e.key === key);
  if (!row || !canRetry(row)) return;
  if (!row.imageUrl && files.has(key)) {
    const file = files.get(key);
    const preview = file ? URL.createObjectURL(file) : null;
    if (preview) previews.set(key, preview);
    patch(api, key, { status: "uploading", progress: 0, message: null, previewUrl: preview });
    void upload(api, key);
  } else {
    patch(api, key, { status: "checking", message: null });
    void check(api, key, row.imageUrl);
  }
}

/** Whether the row's upload is still running (an Undo can then simply put it back). */
export function uploadInFlight(key: string): boolean {
  return aborts.has(key);
}

/** A row is going away: stop its upload and let go of its file and preview. */
export function forget(key: string): void {
  aborts.get(key)?.abort();
  settle(key);
  files.delete(key);
}

// DOMParser makes an inert document: no scripts run, no images load. We only read attributes.
const parseHtml: ParseHtml = (html) => new DOMParser().parseFromString(html, "text/html");

/** A drop or a paste, read by useReferenceDrop. */
export function addDropped(
  api: ReferenceListApi,
  data: DroppedData,
  source: "drop" | "paste",
): void {
  const items = readDropped(data, parseHtml);
  if (items.files.length > 0) {
    void addFiles(api, items.files);
  } else if (items.urls.length > 0) {
    void addUrls(api, items.urls, items.refusals);
  } else if (items.refusals.length > 0) {
    void inOrder(() => api.report(items.refusals));
  } else if (source === "drop") {
    void inOrder(() =>
      api.report(["Nothing to add here: drop image files (JPEG, PNG or WebP) or links to images."]),
    );
  }
}

/** The "Style reference URL" field: a message for the field, or null when the link was added. */
export async function addTypedUrl(
  api: ReferenceListApi,
  text: string,
): Promise<{ fieldError: string | null; added: boolean }> {
  const screened = screenTypedUrl(text);
  if (!screened.ok) return { fieldError: screened.message, added: false };
  return { fieldError: null, added: await addUrls(api, [screened.url]) };
}
