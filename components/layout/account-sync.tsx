"use client";

import type { SubmitAccount } from "@/lib/builder/submit-account";
import { useSyncCurrentAccount } from "@/lib/hooks/use-current-account";

/** Tells the submit code whom this page's requests are for (nothing visible). */
export function AccountSync({ account }: { account: SubmitAccount }) {
  useSyncCurrentAccount(account);
  return null;
}
