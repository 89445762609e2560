import { InputFacts } from "./input-facts";
import { RatioFacts } from "./ratio-facts";
import { TierFacts } from "./tier-facts";

/** The builder pane's content: what Krea v2 takes, costs and returns. */
export function BuilderPane() {
  return (
    <div className="pb-4">
      <div className="sticky top-0 z-10 flex h-10 items-center border-b border-border bg-panel px-4">
        <h2 className="text-sm font-semibold">Krea v2</h2>
      </div>
      <p className="px-4 py-3 text-xs text-muted">
        Text to image on the Civitai orchestrator. Prices are per image, in Buzz.
      </p>
      <TierFacts />
      <RatioFacts />
      <InputFacts />
    </div>
  );
}
