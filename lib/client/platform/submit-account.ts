// The account a submit was made for. A Generate click is kept for retry (and
// resent after a reload) with the account that was in use when it was clicked:
// the orchestrator, and the token's identity, as a fingerprint the server derives
// from the token (never the token) plus a label a person can read. A kept submit
// is only ever sent while that same account is the current one; the server
// refuses one made for another account with 409 (ACCOUNT_CHANGED).
import { ApiError } from "@/lib/client/platform/api-client";
import { ACCOUNT_CHANGED, type SubmitAccount } from "@/lib/contract/api";
import { isRecord } from "./session-store";

const FINGERPRINT = /^[A-Za-z0-9_-]{8,64}$/;

/** A kept submit from before submits named their account: it can only wait or be discarded. */
export const UNKNOWN_ACCOUNT: SubmitAccount = {
  fingerprint: "",
  label: "the account it was made for (not recorded)",
};

export function readSubmitAccount(value: unknown): SubmitAccount | null {
  if (!isRecord(value)) return null;
  const { fingerprint, label } = value;
  if (typeof fingerprint !== "string" || !FINGERPRINT.test(fingerprint)) return null;
  if (typeof label !== "string" || label.length === 0 || label.length > 120) return null;
  return { fingerprint, label };
}

/** true only when the submit's account is known and is the one in use now. */
export function isCurrentAccount(account: SubmitAccount, current: SubmitAccount | null): boolean {
  return (
    current !== null && account.fingerprint !== "" && account.fingerprint === current.fingerprint
  );
}

/** The studio refused the submit: it was made for another account than the one in use. */
export function isAccountChanged(error: unknown): error is ApiError {
  return (
    error instanceof ApiError && error.status === 409 && error.problem.reason === ACCOUNT_CHANGED
  );
}

/** Thrown before sending when the account changed since the click: nothing goes out. */
export class AccountChangedError extends Error {
  constructor(readonly account: SubmitAccount) {
    super(`Made for ${account.label}, which is not in use now.`);
    this.name = "AccountChangedError";
  }
}
