// The name a single image is saved under (krea-<seed>-<n>.jpg), so a designer
// can find it again. Shared by the download route (Content-Disposition) and the browser.
import type { Generation } from "./types";

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

export function downloadName(g: Generation, n: number, contentType = "image/jpeg"): string {
  const ext = EXTENSIONS[contentType.split(";")[0]?.trim() ?? ""] ?? "jpg";
  return `krea-${g.input?.seed ?? g.id}-${n}.${ext}`;
}
