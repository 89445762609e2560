import { ASPECT_RATIOS, KREA_DEFAULTS } from "@/lib/krea/options";
import { RATIO_TABLE, formatSize } from "@/lib/krea/ratios";
import { DefaultMark, FactSection } from "./fact-section";

const GLYPH_MAX_PX = 16;

/** The ratio's shape, drawn to scale inside a fixed box so the column lines up. */
function RatioGlyph({ width, height }: { width: number; height: number }) {
  const scale = GLYPH_MAX_PX / Math.max(width, height);
  return (
    <span aria-hidden="true" className="flex size-5 shrink-0 items-center justify-center">
      <span
        className="rounded-[2px] border border-border-strong bg-subtle"
        style={{ width: Math.round(width * scale), height: Math.round(height * scale) }}
      />
    </span>
  );
}

/** Every Krea v2 aspect ratio with the pixel size it returns, measured or assumed. */
export function RatioFacts() {
  return (
    <FactSection title="Aspect ratio and output size">
      <table className="w-full text-xs">
        <caption className="sr-only">Output size per aspect ratio, same for both tiers</caption>
        <thead className="text-left text-muted">
          <tr>
            <th scope="col" className="pb-1 font-medium">
              Ratio
            </th>
            <th scope="col" className="pb-1 text-right font-medium">
              Output (px)
            </th>
            <th scope="col" className="pb-1 pl-3 font-medium">
              <span className="sr-only">Source</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ASPECT_RATIOS.map((ratio) => {
            const spec = RATIO_TABLE[ratio];
            return (
              <tr key={ratio} className="border-t border-border">
                <th scope="row" className="py-1 text-left font-medium">
                  <span className="flex items-center gap-2">
                    <RatioGlyph width={spec.width} height={spec.height} />
                    <span className="tabular-nums">{ratio}</span>
                    {ratio === KREA_DEFAULTS.aspectRatio && <DefaultMark />}
                  </span>
                </th>
                <td className="py-1 text-right tabular-nums">{formatSize(ratio)}</td>
                <td className="py-1 pl-3 text-right">
                  {spec.source === "assumed" ? (
                    <span className="rounded-sm border border-border px-1.5 py-px text-[11px] text-muted">
                      Assumed
                    </span>
                  ) : (
                    <span className="text-[11px] text-muted">Measured</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-muted">
        Measured sizes come from real generations. Krea publishes none for 2.35:1, and 2:3 and 9:16
        are taken as the transposes of 3:2 and 16:9. The gallery always shows each image&apos;s real
        size.
      </p>
    </FactSection>
  );
}
