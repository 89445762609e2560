"use client";
// Style sets through the studio's API: the list (one query, shared by the
// builder's picker and the Style sets page) and the changes, each of which
// refreshes the list. Updates always send the version they were based on, so a
// stale one comes back as a 409 the caller shows (see StyleSetConflict).
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { ApiError, apiFetch } from "@/lib/client/platform/api-client";
import type { StyleSet, StyleSetReference } from "@/lib/contract/style-sets/schema";

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
    patch: { name?: string; note?: string; references?: StyleSetReference[] },
  ): Promise<StyleSet>;
  remove(id: string): Promise<StyleSet>;
  restore(id: string): Promise<StyleSet>;
  duplicate(id: string): Promise<StyleSet>;
  importFile(file: unknown): Promise<StyleSet[]>;
  fetchOne(id: string): Promise<StyleSet>;
}

export function styleSetChanges(queryClient: QueryClient): StyleSetChanges {
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
      after(apiFetch<StyleSet>("/api/style-sets", { method: "POST", json: input })),
    update: (set, patch) =>
      after(
        apiFetch<StyleSet>(setUrl(set.id), {
          method: "PATCH",
          json: { ...patch, version: set.version },
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
    importFile: async (file) =>
      (
        await after(
          apiFetch<{ imported: StyleSet[] }>("/api/style-sets/import", {
            method: "POST",
            json: file,
          }),
        )
      ).imported,
    fetchOne: (id) => apiFetch<StyleSet>(setUrl(id)),
  };
}

export function useStyleSetChanges(): StyleSetChanges {
  const queryClient = useQueryClient();
  return useMemo(() => styleSetChanges(queryClient), [queryClient]);
}
