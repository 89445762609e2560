"use client";
// Style sets through the studio's API: the list (one query, shared by the
// builder's picker and the Style sets page) and the changes, each of which
// refreshes the list. Updates always send the version they were based on, so a
// stale one comes back as a 409 the caller shows (see StyleSetConflict).
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { ProofSettings } from "@/lib/contract/style-sets/proof";
import { useMemo } from "react";
import { ApiError, apiFetch } from "@/lib/client/platform/api-client";
import type { StyleSet, StyleSetReference } from "@/lib/contract/style-sets/schema";
import type {
  StyleSetStatus,
  StyleSetStatusEvent,
  StyleSetVersion,
} from "@/lib/contract/style-sets/history";
import type { StyleSetDiff } from "@/lib/contract/style-sets/diff";
import { getAuthor } from "./use-author";

export const STYLE_SETS_KEY = ["style-sets"] as const;

export function useStyleSets(options: { enabled?: boolean; initialData?: StyleSet[] } = {}) {
  return useQuery({
    queryKey: STYLE_SETS_KEY,
    queryFn: async ({ signal }) =>
      (await apiFetch<{ items: StyleSet[] }>("/api/style-sets", { signal })).items,
    enabled: options.enabled ?? true,
    initialData: options.initialData,
    staleTime: 15_000,
  });
}

export const historyKey = (id: string) => ["style-sets", id, "versions"] as const;

export interface StyleSetHistory {
  items: StyleSetVersion[];
  statusEvents: StyleSetStatusEvent[];
}

export function useStyleSetHistory(id: string, options: { initialData?: StyleSetHistory } = {}) {
  return useQuery({
    queryKey: historyKey(id),
    queryFn: ({ signal }) =>
      apiFetch<StyleSetHistory>(`/api/style-sets/${encodeURIComponent(id)}/versions`, { signal }),
    initialData: options.initialData,
    staleTime: 5_000,
  });
}

/** What a 409 says happened since the sender's version ("see their change"). */
export interface TheirChange {
  from: number;
  to: number;
  authors: string[];
  diff: StyleSetDiff;
}

export function theirChangeOf(error: unknown): TheirChange | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const change = error.problem.theirChange;
  if (typeof change !== "object" || change === null) return null;
  const c: Record<string, unknown> = { ...change };
  if (typeof c.from !== "number" || typeof c.to !== "number" || !Array.isArray(c.authors)) {
    return null;
  }
  const d = c.diff;
  if (typeof d !== "object" || d === null || !("order" in d) || !Array.isArray(d.order))
    return null;
  // Shape checked where the page reads it (lists of changes); the server wrote it with diffVersions.
  return {
    from: c.from,
    to: c.to,
    authors: c.authors.filter((a): a is string => typeof a === "string"),
    diff: normaliseDiff(d),
  };
}

function normaliseDiff(d: object): StyleSetDiff {
  const v: Record<string, unknown> = { ...d };
  const list = <T>(x: unknown): T[] => (Array.isArray(x) ? x : []);
  const text = (x: unknown) =>
    typeof x === "object" &&
    x !== null &&
    "from" in x &&
    "to" in x &&
    typeof x.from === "string" &&
    typeof x.to === "string"
      ? { from: x.from, to: x.to }
      : undefined;
  return {
    name: text(v.name),
    note: text(v.note),
    removed: list(v.removed),
    added: list(v.added),
    moved: list(v.moved),
    strength: list(v.strength),
    relinked: list(v.relinked),
    order: list(v.order),
  };
}

/** A 409's current set, when the error is one. */
export function conflictOf(error: unknown): StyleSet | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.problem.current;
  return isStyleSet(current) ? current : null;
}

function isStyleSet(value: unknown): value is StyleSet {
  if (typeof value !== "object" || value === null) return false;
  const v: Record<string, unknown> = { ...value };
  return (
    typeof v.id === "string" &&
    typeof v.name === "string" &&
    typeof v.version === "number" &&
    Array.isArray(v.references)
  );
}

const setUrl = (id: string) => `/api/style-sets/${encodeURIComponent(id)}`;

export interface StyleSetChanges {
  create(input: {
    name: string;
    note?: string;
    references: StyleSetReference[];
  }): Promise<StyleSet>;
  update(
    set: Pick<StyleSet, "id" | "version">,
    patch: {
      name?: string;
      note?: string;
      references?: StyleSetReference[];
      proof?: ProofSettings | null;
    },
  ): Promise<StyleSet>;
  remove(id: string): Promise<StyleSet>;
  restore(id: string): Promise<StyleSet>;
  duplicate(id: string): Promise<StyleSet>;
  importFile(file: unknown, existing?: "copy" | "append"): Promise<StyleSet[]>;
  fetchOne(id: string): Promise<StyleSet>;
  restoreVersion(set: Pick<StyleSet, "id" | "version">, from: number): Promise<StyleSet>;
  setStatus(set: Pick<StyleSet, "id" | "version">, status: StyleSetStatus): Promise<StyleSet>;
}

/** The display name to send, when the designer has set one (else the server writes "Someone"). */
const by = () => {
  const author = getAuthor();
  return author ? { author } : {};
};

export function styleSetChanges(queryClient: QueryClient): StyleSetChanges {
  // The list's key prefixes every set's history, so both refresh.
  const refreshList = () => void queryClient.invalidateQueries({ queryKey: STYLE_SETS_KEY });
  const after = async <T>(request: Promise<T>): Promise<T> => {
    try {
      return await request;
    } finally {
      refreshList();
    }
  };
  return {
    create: (input) =>
      after(apiFetch<StyleSet>("/api/style-sets", { method: "POST", json: { ...input, ...by() } })),
    update: (set, patch) =>
      after(
        apiFetch<StyleSet>(setUrl(set.id), {
          method: "PATCH",
          json: { ...patch, version: set.version, ...by() },
        }).catch((error: unknown) => {
          // A 409 carries the set as it is now: show it at once, so a second Save
          // (knowingly on top of their change) never races the list's reload.
          const current = conflictOf(error);
          if (current) {
            queryClient.setQueryData<StyleSet[]>(STYLE_SETS_KEY, (list) =>
              list?.map((s) => (s.id === current.id ? current : s)),
            );
          }
          throw error;
        }),
      ),
    remove: (id) => after(apiFetch<StyleSet>(setUrl(id), { method: "DELETE" })),
    restore: (id) => after(apiFetch<StyleSet>(`${setUrl(id)}/restore`, { method: "POST" })),
    duplicate: (id) => after(apiFetch<StyleSet>(`${setUrl(id)}/duplicate`, { method: "POST" })),
    importFile: async (file, existing = "copy") =>
      (
        await after(
          apiFetch<{ imported: StyleSet[] }>(`/api/style-sets/import?existing=${existing}`, {
            method: "POST",
            json: file,
          }),
        )
      ).imported,
    fetchOne: (id) => apiFetch<StyleSet>(setUrl(id)),
    restoreVersion: (set, from) =>
      after(
        apiFetch<StyleSet>(`${setUrl(set.id)}/restore-version`, {
          method: "POST",
          json: { from, version: set.version, ...by() },
        }),
      ),
    setStatus: (set, status) =>
      after(
        apiFetch<StyleSet>(`${setUrl(set.id)}/status`, {
          method: "POST",
          json: { status, version: set.version, ...by() },
        }),
      ),
  };
}

export function useStyleSetChanges(): StyleSetChanges {
  const queryClient = useQueryClient();
  return useMemo(() => styleSetChanges(queryClient), [queryClient]);
}
