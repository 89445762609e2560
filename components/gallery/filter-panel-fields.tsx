"use client";
// The fields of the gallery's filter panel, loaded when the panel first opens
// (issue 18: the filter bar's first load is the search box and its buttons).
import { inQueryIsland } from "@/components/query-island";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { Field, selectClass } from "@/components/ui/field";
import { parseDay, STATUS_FILTERS, type GalleryFilters } from "@/lib/contract/generations/filters";
import { apiFetch } from "@/lib/client/platform/api-client";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  SEED_MAX,
} from "@/lib/contract/krea/options";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function FilterPanelFieldsView({
  filters,
  setFilters,
}: {
  filters: GalleryFilters;
  setFilters: (filters: GalleryFilters) => void;
}) {
  const set = (patch: Partial<GalleryFilters>) => setFilters({ ...filters, ...patch });
  return (
    <>
      <Choice
        label="Tier"
        value={filters.size}
        options={KREA_SIZES}
        onChange={(size) => set({ size })}
      />
      <Choice
        label="Aspect ratio"
        value={filters.ratio}
        options={ASPECT_RATIOS}
        format={(r) => r}
        onChange={(ratio) => set({ ratio })}
      />
      <Choice
        label="Creativity"
        value={filters.creativity}
        options={CREATIVITY_LEVELS}
        onChange={(creativity) => set({ creativity })}
      />
      <Choice
        label="Status"
        value={filters.status}
        options={STATUS_FILTERS}
        onChange={(status) => set({ status })}
      />
      <StyleSetChoice value={filters.styleSet} onChange={(styleSet) => set({ styleSet })} />
      <SeedField value={filters.seed} onChange={(seed) => set({ seed })} />
      <Field className="flex flex-col gap-1" labelClassName="text-muted" label="From">
        {({ id }) => (
          <input
            id={id}
            type="date"
            value={filters.from ?? ""}
            max={filters.to ?? undefined}
            onChange={(e) => set({ from: parseDay(e.target.value) })}
            className={control}
          />
        )}
      </Field>
      <Field className="flex flex-col gap-1" labelClassName="text-muted" label="To">
        {({ id }) => (
          <input
            id={id}
            type="date"
            value={filters.to ?? ""}
            min={filters.from ?? undefined}
            onChange={(e) => set({ to: parseDay(e.target.value) })}
            className={control}
          />
        )}
      </Field>
    </>
  );
}

const control = cn(selectClass, "w-full");

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
  format = capital,
}: {
  label: string;
  value: T | null;
  options: readonly T[];
  onChange: (value: T | null) => void;
  format?: (v: T) => string;
}) {
  return (
    <Field className="flex flex-col gap-1" labelClassName="text-muted" label={label}>
      {({ id }) => (
        <select
          id={id}
          value={value ?? ""}
          onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? null)}
          className={control}
        >
          <option value="">Any</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {format(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function StyleSetChoice({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const sets = useQuery({
    queryKey: ["style-sets", "names"],
    queryFn: ({ signal }) =>
      apiFetch<{ items: { id: string; name: string }[] }>("/api/style-sets", { signal }),
    staleTime: 60_000,
  });
  const items = sets.data?.items ?? [];
  return (
    <Field className="flex flex-col gap-1" labelClassName="text-muted" label="Style set">
      {({ id }) => (
        <select
          id={id}
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value || null)}
          className={control}
        >
          <option value="">Any</option>
          {value && !items.some((s) => s.id === value) ? (
            <option value={value}>This style set</option>
          ) : null}
          {items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function SeedField({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (seed: number | null) => void;
}) {
  const [text, setText] = useState(value === null ? "" : String(value));
  // Follows the URL when the seed changes elsewhere (its chip, Clear all, Back).
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value === null ? "" : String(value));
  }
  const valid = text === "" || (/^\d{1,10}$/.test(text) && Number(text) <= SEED_MAX);
  const apply = () => {
    if (valid) onChange(text === "" ? null : Number(text));
  };
  return (
    <Field
      className="flex flex-col gap-1"
      labelClassName="text-muted"
      label="Seed"
      error={valid ? null : `A seed is a whole number from 0 to ${SEED_MAX}`}
    >
      {(field) => (
        <input
          {...field}
          inputMode="numeric"
          value={text}
          placeholder="Any"
          onChange={(e) => setText(e.target.value.trim())}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === "Enter") apply();
          }}
          className={`${control} tabular-nums`}
        />
      )}
    </Field>
  );
}

/** Loaded after hydration, with the query library: an island (components/query-island.tsx). */
export const FilterPanelFields = inQueryIsland(FilterPanelFieldsView);
