// GET /api/spend?today=<ISO>&week=<ISO> — Buzz charged today, this week and all time, by tier (bounded scan, cached 30 s)
import { json, route } from "@/lib/server/http/route";
import { parseInstant } from "@/lib/contract/generations/filters";
import { summarizeSpend } from "@/lib/contract/generations/spend";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { spendEntries } from "@/lib/server/orchestrator/spend";

export const dynamic = "force-dynamic";

const DAY_MS = 86_400_000;

export const GET = route(async (request) => {
  const url = new URL(request.url);
  const now = Date.now();
  // The browser sends its own midnight and Monday; without them, UTC's.
  const utcToday = Math.floor(now / DAY_MS) * DAY_MS;
  const today = parseInstant(url.searchParams.get("today")) ?? utcToday;
  const week =
    parseInstant(url.searchParams.get("week")) ??
    utcToday - ((new Date(utcToday).getUTCDay() + 6) % 7) * DAY_MS;
  const target = await targetFor(request);
  const scan = await spendEntries(target, now);
  return json(summarizeSpend(scan.entries, { today, week }, scan.complete));
});
