// Identifiers the engine hands out. Workflow ids start with their creation
// time so they read in order in logs; the random tail keeps them unguessable
// (reads are scoped per user anyway). Users are a hash of the bearer token: the
// engine accepts any token, and the hash keeps tokens themselves off disk.
import { createHash, randomBytes, randomUUID } from "node:crypto";

export function newWorkflowId(now: number): string {
  const stamp = new Date(now).toISOString().replace(/\D/g, "").slice(0, 17);
  return `${stamp}-${randomBytes(5).toString("hex")}`;
}

export function newJobId(): string {
  return randomUUID();
}

const BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Blob ids carry the file extension, like the orchestrator's ("….jpeg"). */
export function newBlobId(extension: string): string {
  const bytes = randomBytes(16);
  let out = "";
  for (const byte of bytes) out += BASE32[byte & 31];
  return `${out}.${extension}`;
}

/** Blob ids are used as file names: only what newBlobId can produce passes. */
export const BLOB_ID_PATTERN = /^[0-9A-Z]{16}\.(jpeg|png|webp)$/;

export function userIdFromToken(token: string): string {
  return createHash("sha256")
    .update(`krea-studio-local-engine:${token}`)
    .digest("hex")
    .slice(0, 24);
}

/** W3C trace-context style, the shape ASP.NET puts in problem details. */
export function newTraceId(): string {
  return `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-00`;
}

/** 32-bit FNV-1a: a cheap, stable hash for deterministic choices (durations, colours). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
