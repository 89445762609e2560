import { X } from "lucide-react";
import { STYLE_SET_ID_PATTERN } from "@/lib/contract/style-sets/limits";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";

/** The set named by ?styleSet=, for the gallery's filter note: its name, or null when the id is not a set's. */
export async function styleSetFilterOf(
  value: string | string[] | undefined,
): Promise<{ id: string; name: string | null } | null> {
  const id = typeof value === "string" ? value : undefined;
  if (!id) return null;
  if (!STYLE_SET_ID_PATTERN.test(id)) return { id, name: null };
  try {
    const set = await getStyleSetStore().get(id, { includeDeleted: true });
    return { id, name: set?.name ?? null };
  } catch {
    return { id, name: null };
  }
}

/**
 * Beside the gallery's title while it shows one style set's generations (a card's
 * "Set: …" chip links here), with the way back to everything. Server-rendered:
 * no script. The gallery's full filter bar will take this over.
 */
export function GallerySetFilter({ filter }: { filter: { id: string; name: string | null } }) {
  return (
    <p className="ml-3 flex min-w-0 items-center gap-1 text-xs text-muted">
      <span className="truncate">
        Only set{" "}
        <span className="font-medium text-foreground">
          {filter.name ? `“${filter.name}”` : "(deleted or unknown)"}
        </span>
      </span>
      {/* A full load, not a client navigation: the gallery reads ?styleSet= when the page loads. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a
        href="/"
        aria-label="Show all generations"
        title="Show all generations"
        className="inline-flex size-6 shrink-0 items-center justify-center rounded-md hover:bg-subtle hover:text-foreground"
      >
        <X aria-hidden="true" className="size-3.5" />
      </a>
    </p>
  );
}
