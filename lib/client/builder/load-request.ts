// What a load from elsewhere on the page ("Reuse settings", "Remix") changes in
// the builder: only the fields it carries, and the seed as it asks. Everything
// else — above all a prompt being typed — stays as it is.
import type { BuilderLoadRequest } from "@/lib/client/builder/builder-bridge";
import { entriesFromReferences } from "@/lib/client/references/entry";
import { KREA_FIELD_NAMES, KREA_FIELDS, type KreaField } from "@/lib/contract/krea/fields";
import type { KreaDraft } from "./draft";

/** The fields Reuse loads (the table's `reuse`); the seed is decided apart (LoadPlan.seed). */
const LOADABLE = KREA_FIELD_NAMES.filter((name) => KREA_FIELDS[name].reuse);

export interface LoadPlan {
  values: Partial<KreaDraft>;
  /** the seed to set: a number pins it, null means random at each Generate */
  seed: number | null;
  toast: { title: string; description: string };
}

export function planLoad(request: BuilderLoadRequest): LoadPlan {
  const values: Partial<KreaDraft> = {};
  const s = request.settings;
  for (const key of LOADABLE) loadField(values, key, s);
  const keep = request.seed === "keep" && typeof s.seed === "number";
  const seed = keep && typeof s.seed === "number" ? s.seed : null;
  return {
    values,
    seed,
    toast: {
      title: `Loaded settings from ${request.source ?? "an image"}`,
      description: keep ? `Seed ${seed} pinned.` : "A new seed at each Generate.",
    },
  };
}

function loadField(values: Partial<KreaDraft>, key: KreaField, s: BuilderLoadRequest["settings"]) {
  const row = KREA_FIELDS[key];
  const value = s[key];
  if (value === undefined) return;
  // References arrive as Krea has them; the list shows each as a row of its own.
  if (row.kind === "references" && Array.isArray(value)) {
    Object.assign(values, { [key]: entriesFromReferences(value) });
  } else Object.assign(values, { [key]: value });
}
