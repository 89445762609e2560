"use client";

import type { SubmitAccount } from "@/lib/contract/api";
import { useSyncCurrentAccount } from "@/lib/client/platform/current-account";

/** Tells the submit code whom this page's requests are for (nothing visible). */
export function AccountSync({ account }: { account: SubmitAccount }) {
  useSyncCurrentAccount(account);
  return null;
}
