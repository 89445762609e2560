"use client";
// Follows the grids this tab started, for the header's spend figure. Loaded only
// once there is one (session-spend.tsx), so the plan client stays out of the first load.
import { inQueryIsland } from "@/components/query-island";
import { useFollowSessionGrids } from "@/lib/client/grid/session-grids";

function SessionGridsFollowerView({ ids }: { ids: readonly string[] }) {
  useFollowSessionGrids(ids);
  return null;
}

/** Loaded after hydration, with the query library: an island (components/query-island.tsx). */
export const SessionGridsFollower = inQueryIsland(SessionGridsFollowerView);
