"use client";

import { Button } from "@/components/ui/button";
import { Clock } from "lucide-react";
import type { PendingSubmit } from "@/lib/client/builder/pending-submits";
import type { SubmitAccount } from "@/lib/contract/api";

/** Groups kept submits by the account they were made for, in the order they came. */
function byAccount(waiting: PendingSubmit[]): { account: SubmitAccount; count: number }[] {
  const groups = new Map<string, { account: SubmitAccount; count: number }>();
  for (const entry of waiting) {
    const key = entry.account.fingerprint || entry.account.label;
    const group = groups.get(key) ?? { account: entry.account, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Generate requests kept for an account that is not the one in use now (the
 * token was removed, added or changed since the click). They are never sent to
 * another account: they go when theirs is back, or are discarded.
 */
export function WaitingSubmits({
  waiting,
  onDiscard,
}: {
  waiting: PendingSubmit[];
  onDiscard: (fingerprint: string) => void;
}) {
  return byAccount(waiting).map(({ account, count }) => (
    <div
      key={account.fingerprint || account.label}
      role="status"
      className="mb-2.5 rounded-md border border-border-strong bg-subtle px-2.5 py-2 text-xs"
    >
      <p className="flex items-start gap-1.5 font-medium text-foreground">
        <Clock aria-hidden="true" className="mt-px size-3.5 shrink-0" />
        Waiting for {account.label}
      </p>
      <p className="mt-0.5 text-muted">
        {count === 1 ? "A Generate request was" : `${count} Generate requests were`} made for it and
        kept. {count === 1 ? "It is" : "They are"} sent only when that account is in use again,
        never to another one.
      </p>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => onDiscard(account.fingerprint)}
        className="mt-1.5 px-2"
      >
        Discard<span className="sr-only"> the request waiting for {account.label}</span>
      </Button>
    </div>
  ));
}
