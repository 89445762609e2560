import { ImagePlus } from "lucide-react";
import type { EngineKind } from "@/lib/contract/api";
import type { ReactNode } from "react";
import { PROMPT_MAX, TYPICAL_SECONDS, type KreaSize } from "@/lib/contract/krea/options";
import { BASE_PRICE } from "@/lib/contract/krea/pricing";

const tier = (size: KreaSize) =>
  `${BASE_PRICE[size]} Buzz, ${TYPICAL_SECONDS[size].min}–${TYPICAL_SECONDS[size].max} s`;

const ENGINE_NOTE: Record<EngineKind, string> = {
  local: "You are on the local engine: it renders previews on this machine and charges nothing.",
  civitai: "You are on Civitai: each image spends Buzz, and the cost shows before you generate.",
};

/** What the gallery shows before the first generation: the first step, not a blank. */
export function GalleryEmptyState({ engine }: { engine: EngineKind }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-6 py-16 text-center md:py-24">
      <div className="flex size-12 items-center justify-center rounded-xl border border-border bg-raised text-muted">
        <ImagePlus aria-hidden="true" className="size-6" />
      </div>
      <h3 className="mt-4 text-base font-semibold">No images yet</h3>
      <p className="mt-1 text-muted">Your first generation starts in the builder.</p>
      <ol className="mt-6 w-full space-y-3 text-left">
        <Step n={1} title="Describe the image">
          A prompt of up to {PROMPT_MAX.toLocaleString("en-US")} characters: subject, setting,
          light, style.
        </Step>
        <Step n={2} title="Pick a tier and a ratio">
          Medium to iterate ({tier("medium")}), Large for the hero shot ({tier("large")}).
        </Step>
        <Step n={3} title="Generate">
          Images land here with their seed, size and cost, newest first.
        </Step>
      </ol>
      <p className="mt-6 text-xs text-muted">{ENGINE_NOTE[engine]}</p>
    </div>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3 rounded-lg border border-border bg-panel p-3">
      <span
        aria-hidden="true"
        className="flex size-5 shrink-0 items-center justify-center rounded-full bg-accent text-[11px] font-semibold text-accent-foreground"
      >
        {n}
      </span>
      <div>
        <p className="font-medium">{title}</p>
        <p className="mt-0.5 text-xs text-muted">{children}</p>
      </div>
    </li>
  );
}
