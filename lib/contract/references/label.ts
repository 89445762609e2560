// What a reference row is called: the file name of an upload, the host of a
// link. Short and recognisable; the full address sits in the row's tooltip.

/**
 * REFERENCE_LABEL_MAX of lib/contract/style-sets/schema (a test keeps them equal):
 * importing that module would bring the sets' zod schemas into the page's first load.
 */
export const LABEL_MAX = 200;

/** "images.example.com"; an orchestrator blob URL (an upload, a gallery image) is "Uploaded image". */
export function labelFromUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Link";
  }
  if (parsed.pathname.includes("/v2/consumer/blobs/")) return "Uploaded image";
  return parsed.hostname.replace(/^www\./, "") || "Link";
}

/** The file's own name without any folder, shortened from the middle so the extension stays. */
export function labelFromFile(name: string | null | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop()?.trim() ?? "";
  if (!base) return "Pasted image";
  const chars = Array.from(base);
  if (chars.length <= LABEL_MAX) return base;
  const keep = LABEL_MAX - 1;
  const tail = Math.min(16, Math.floor(keep / 2));
  return `${chars.slice(0, keep - tail).join("")}…${chars.slice(chars.length - tail).join("")}`;
}
