// Back at the top of a view, the pages far below the viewport are let go, so a
// designer who scrolled the whole history and came back holds what the first
// load held (bench figure 9), not the last HISTORY_MAX_PAGES pages read on the
// way up. Nothing is fetched here: scrolling down reads the next page again as
// it did after the first load.
import type { GenerationsData } from "./cache";

/**
 * The view with only its leading pages that hold at least `keep` generations;
 * the same object when nothing would go, or when the view does not start at the
 * top of the history (its newer pages were dropped: they are read back first).
 */
export function keepLeadingPages(data: GenerationsData, keep: number): GenerationsData {
  if (data.pages[0]?.prev) return data;
  let held = 0;
  let count = 0;
  for (const page of data.pages) {
    count += 1;
    held += page.items.length;
    if (held >= keep) break;
  }
  if (count >= data.pages.length) return data;
  return { pages: data.pages.slice(0, count), pageParams: data.pageParams.slice(0, count) };
}
