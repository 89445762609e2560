// GET /api/plans/:id/sheet?format=pdf|png&paper=a4|letter — the grid's contact sheet, landscape, images embedded, built on the server
import { AppError } from "@/lib/server/http/problem";
import { route } from "@/lib/server/http/route";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { planFor } from "@/lib/server/plans/create";
import { freshen, pacerFor } from "@/lib/server/plans/runner";
import { renderPdf, renderPng } from "@/lib/server/plans/sheet";
import { getPlanStore } from "@/lib/server/plans/store";
import { planView } from "@/lib/server/plans/view";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "pdf";
  const paper = url.searchParams.get("paper") ?? "a4";
  if ((format !== "pdf" && format !== "png") || (paper !== "a4" && paper !== "letter")) {
    throw new AppError("bad_request", {
      detail: "format is pdf or png, paper is a4 or letter.",
      fieldErrors: {
        ...(format !== "pdf" && format !== "png" ? { format: ["must be pdf or png"] } : {}),
        ...(paper !== "a4" && paper !== "letter" ? { paper: ["must be a4 or letter"] } : {}),
      },
    });
  }
  const target = await targetFor(request);
  const plan = await planFor((await params).id, target);
  const live = await freshen(plan, target);
  const store = getPlanStore();
  const view = planView(
    await store.mustGet(plan.id),
    await store.cells(plan.id),
    live.generations,
    {
      requests: live.requests,
      maxInFlight: pacerFor(target).maxInFlightSeen,
    },
  );
  const name = `grid-${plan.id}.${format}`;
  const bytes =
    format === "pdf" ? await renderPdf(view, target, paper) : await renderPng(view, target, paper);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": format === "pdf" ? "application/pdf" : "image/png",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
