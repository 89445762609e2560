"use client";
// The orchestrator's own figure for the current settings (whatif: nothing runs,
// nothing is charged). Keyed on what the price depends on — tier, quantity and
// whether references are attached — so typing a prompt never asks again.
import { useMemo } from "react";
import type { QuoteState } from "@/lib/client/builder/cost-summary";
import { isValidQuantity } from "@/lib/client/builder/cost-summary";
import { apiFetch } from "@/lib/client/platform/api-client";
import type { KreaSize } from "@/lib/contract/krea/options";
import type { CostBreakdown } from "@/lib/contract/krea/pricing";
import { checkKreaInput } from "@/lib/contract/krea/check";
import type { KreaInput } from "@/lib/contract/krea/schema";
import { useLazyQuery } from "../platform/lazy-query";
import { useDebouncedValue } from "../platform/use-debounced-value";

export const ESTIMATE_DEBOUNCE_MS = 400;

/** POST /api/estimate's answer. */
export interface EstimateResponse {
  engine: "local" | "civitai";
  local: CostBreakdown;
  otherTier: CostBreakdown;
  orchestrator: { total: number; insufficientBuzz: boolean | null } | null;
  orchestratorError: { kind: string; detail: string } | null;
  matches: boolean | null;
}

// The price does not depend on the prompt, and the route wants a valid input,
// so a placeholder stands in: an empty prompt box still gets a quote.
const ESTIMATE_PROMPT = "cost estimate";

export interface EstimateInputs {
  size: KreaSize;
  quantity: number;
  imageStyleReferences: KreaInput["imageStyleReferences"];
}

export function useEstimate({ size, quantity, imageStyleReferences }: EstimateInputs): QuoteState {
  const quotable = useMemo(
    () =>
      isValidQuantity(quantity) &&
      checkKreaInput({ prompt: ESTIMATE_PROMPT, size, quantity, imageStyleReferences }).ok,
    [size, quantity, imageStyleReferences],
  );
  const key = `${size}|${quantity}|${imageStyleReferences.length}|${quotable}`;
  const settledKey = useDebouncedValue(key, ESTIMATE_DEBOUNCE_MS);
  const settled = settledKey === key;

  // Which references are attached does not change the price, only whether any
  // are: the count is in the key, the list only in the request.
  const query = useLazyQuery<EstimateResponse>({
    queryKey: ["estimate", size, quantity, imageStyleReferences.length],
    queryFn: ({ signal }) =>
      apiFetch<EstimateResponse>("/api/estimate", {
        method: "POST",
        json: { prompt: ESTIMATE_PROMPT, size, quantity, imageStyleReferences },
        signal,
      }),
    enabled: quotable && settled,
    staleTime: 60_000,
    retry: false,
  });

  if (!quotable) return { state: "idle" };
  if (!settled || !query || query.isPending) return { state: "checking" };
  if (query.isError) return { state: "unavailable", detail: query.error.message };
  const { orchestrator, orchestratorError } = query.data;
  if (orchestrator) return { state: "ready", ...orchestrator };
  return {
    state: "unavailable",
    detail: orchestratorError?.detail ?? "The orchestrator gave no figure.",
  };
}
