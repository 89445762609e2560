"use client";
// Follows the grids this tab started, for the header's spend figure. Loaded only
// once there is one (session-spend.tsx), so the plan client stays out of the first load.
import { useFollowSessionGrids } from "@/lib/client/grid/session-grids";

export function SessionGridsFollower({ ids }: { ids: readonly string[] }) {
  useFollowSessionGrids(ids);
  return null;
}
