import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/platform/api-client";
import { ACCOUNT_CHANGED } from "@/lib/contract/api";
import {
  isAccountChanged,
  isCurrentAccount,
  readSubmitAccount,
  UNKNOWN_ACCOUNT,
} from "./submit-account";

const local = { fingerprint: "AAAAAAAAAAAAAAAAAAAAAA", label: "the local engine" };
const civitai = { fingerprint: "BBBBBBBBBBBBBBBBBBBBBB", label: "Civitai (your token #bbbb)" };

describe("submit account", () => {
  it("a kept submit may go only to the account it was made for", () => {
    expect(isCurrentAccount(local, local)).toBe(true);
    // token → no token, and no token → token: both wait.
    expect(isCurrentAccount(civitai, local)).toBe(false);
    expect(isCurrentAccount(local, civitai)).toBe(false);
    // Not known yet (page still loading) or not recorded: never sent.
    expect(isCurrentAccount(local, null)).toBe(false);
    expect(isCurrentAccount(UNKNOWN_ACCOUNT, { ...UNKNOWN_ACCOUNT })).toBe(false);
  });

  it("reads only well-formed accounts from storage", () => {
    expect(readSubmitAccount(local)).toEqual(local);
    expect(readSubmitAccount({ ...local, extra: 1 })).toEqual(local);
    expect(readSubmitAccount({ fingerprint: "short", label: "x" })).toBeNull();
    expect(readSubmitAccount({ fingerprint: local.fingerprint, label: "" })).toBeNull();
    expect(readSubmitAccount("AAAA")).toBeNull();
  });

  it("tells the server's account refusal from other conflicts", () => {
    expect(isAccountChanged(new ApiError(409, { reason: ACCOUNT_CHANGED }))).toBe(true);
    expect(
      isAccountChanged(new ApiError(409, { detail: "externalId of a deleted workflow" })),
    ).toBe(false);
    expect(isAccountChanged(new ApiError(400, { reason: ACCOUNT_CHANGED }))).toBe(false);
  });
});
