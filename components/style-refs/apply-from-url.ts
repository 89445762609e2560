// "Use in builder" on the Style sets page opens /?useStyleSet=<id>: the builder
// fetches that set, keeps it alive (fresh blobs), applies it in place of its references (Undo in the toast),
// and takes the parameter out of the address so a reload does not apply it again.
import { toast } from "@/lib/client/platform/toast";
import { ApiError, apiFetch } from "@/lib/client/platform/api-client";
import { applyLiveStyleSet } from "@/lib/client/references/apply-to-list";
import type { ListAccess } from "@/lib/client/references/list";
import { STYLE_SET_ID_PATTERN } from "@/lib/contract/style-sets/limits";
import type { StyleSet } from "@/lib/contract/style-sets/schema";

export async function applyFromUrl(list: ListAccess): Promise<void> {
  const url = new URL(window.location.href);
  const id = url.searchParams.get("useStyleSet");
  url.searchParams.delete("useStyleSet");
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  if (!id) return;
  if (!STYLE_SET_ID_PATTERN.test(id)) {
    toast.error("That link does not name a style set");
    return;
  }
  try {
    const set = await apiFetch<StyleSet>(`/api/style-sets/${id}`);
    const outcome = await applyLiveStyleSet(list, set, "replace");
    if (!outcome.ok) toast.error(`Couldn't apply “${set.name}”`, { description: outcome.message });
  } catch (error) {
    toast.error("Couldn't load the style set", {
      description:
        error instanceof ApiError || error instanceof Error
          ? error.message
          : "Try again from the Style sets page.",
    });
  }
}
