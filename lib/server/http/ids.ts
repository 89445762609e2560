import "server-only";
import { ID_PATTERN } from "@/lib/contract/api";
import { AppError } from "./problem";

export function checkId(id: string, what: "workflow" | "image"): string {
  // "." and ".." pass the pattern but are path segments: the SDK puts the id in
  // the URL unescaped, so /blobs/../refresh would reach another endpoint (found by fuzz.test.ts).
  if (!ID_PATTERN.test(id) || /^\.+$/.test(id)) {
    throw new AppError("not_found", { detail: `There is no ${what} with that id.` });
  }
  return id;
}
