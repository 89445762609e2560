// What a load from elsewhere on the page ("Reuse settings", "Remix") changes in
// the builder: only the fields it carries, and the seed as it asks. Everything
// else — above all a prompt being typed — stays as it is.
import type { BuilderLoadRequest } from "@/lib/client/builder/builder-bridge";
import { entriesFromReferences } from "@/lib/client/references/entry";
import type { BuilderValues } from "./draft";

const LOADABLE = [
  "prompt",
  "size",
  "aspectRatio",
  "creativity",
  "quantity",
  "imageStyleReferences",
] as const satisfies readonly (keyof BuilderValues)[];

export interface LoadPlan {
  values: Partial<BuilderValues>;
  /** the seed to set: a number pins it, null means random at each Generate */
  seed: number | null;
  toast: { title: string; description: string };
}

export function planLoad(request: BuilderLoadRequest): LoadPlan {
  const values: Partial<BuilderValues> = {};
  const s = request.settings;
  for (const key of LOADABLE) {
    if (key === "imageStyleReferences") continue;
    if (s[key] !== undefined) Object.assign(values, { [key]: s[key] });
  }
  // References arrive as Krea has them; the list shows each as a row of its own.
  if (s.imageStyleReferences) {
    values.imageStyleReferences = entriesFromReferences(s.imageStyleReferences);
  }
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
