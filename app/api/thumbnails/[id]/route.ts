// GET /api/thumbnails/:id — a reference thumbnail (WebP, 160 px), immutable: the id is a content hash
import { AppError } from "@/lib/server/http/problem";
import { route } from "@/lib/server/http/route";
import { readThumbnail } from "@/lib/server/references/thumbnails";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (_request, { params }) => {
  const { id } = await params;
  const bytes = await readThumbnail(id);
  if (!bytes) throw new AppError("not_found", { detail: "There is no thumbnail with that id." });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "image/webp",
      "content-length": String(bytes.length),
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${id}"`,
      "x-content-type-options": "nosniff",
    },
  });
});
