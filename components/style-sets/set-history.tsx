"use client";
// A set's history, newest first: who, when, what changed, the version's
// references, and per version Compare, Restore and a link to send.
import { History, Link2, RotateCcw } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { formatRelative } from "@/lib/client/gallery/format";
import { useNow } from "@/lib/client/platform/use-now";
import { namesByKey } from "@/lib/contract/style-sets/diff";
import type { StyleSetStatusEvent, StyleSetVersion } from "@/lib/contract/style-sets/history";
import { DiffLines } from "./diff-lines";
import { RefStrip } from "./ref-strip";

const action = buttonClass({ variant: "ghost", size: "sm", className: "px-2" });

export function SetHistory({
  setId,
  versions,
  statusEvents,
  current,
  focus,
  busy,
  onCompare,
  onRestore,
}: {
  setId: string;
  versions: readonly StyleSetVersion[];
  statusEvents: readonly StyleSetStatusEvent[];
  current: number;
  focus: number | null;
  busy: boolean;
  onCompare: (version: number) => void;
  onRestore: (version: number) => void;
}) {
  const now = useNow(30_000);
  return (
    <ol aria-label="History" className="space-y-2">
      {versions.map((v, i) => {
        const previous = versions[i + 1];
        const events = statusEvents.filter((e) => e.version === v.version);
        return (
          <li
            key={v.version}
            id={`v${v.version}`}
            aria-label={`Version ${v.version}`}
            aria-current={focus === v.version ? "true" : undefined}
            className={`rounded-lg border bg-raised p-3 ${focus === v.version ? "border-accent" : "border-border"}`}
          >
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <h3 className="font-semibold">Version {v.version}</h3>
              <span className="text-xs text-muted">
                by <span className="text-foreground">{v.author}</span> ·{" "}
                <time dateTime={v.createdAt} title={new Date(v.createdAt).toLocaleString()}>
                  {formatRelative(v.createdAt, now || Date.parse(v.createdAt))}
                </time>
                {v.version === current ? " · current" : ""}
                {v.restoredFrom ? ` · restored from version ${v.restoredFrom}` : ""}
              </span>
            </div>
            {events.map((e, j) => (
              <p key={j} className="mt-0.5 text-xs text-muted">
                {e.status === "approved"
                  ? "Approved"
                  : e.status === "retired"
                    ? "Retired"
                    : "Back to draft"}{" "}
                by {e.author}, <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
              </p>
            ))}
            <div className="mt-2 grid gap-2 md:grid-cols-[1fr_auto]">
              <DiffLines
                diff={v.diff}
                names={namesByKey(previous?.references ?? [], v.references)}
                label={`Changes in version ${v.version}`}
              />
              <RefStrip references={v.references} label={`References of version ${v.version}`} />
            </div>
            <div className="mt-2 flex flex-wrap gap-1 border-t border-border pt-2">
              <Button
                variant="ghost"
                size="sm"
                className="px-2"
                onClick={() => onCompare(v.version)}
              >
                <History aria-hidden="true" className="size-3.5" />
                Compare version {v.version}
              </Button>
              {v.version !== current ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="px-2"
                  disabled={busy}
                  onClick={() => onRestore(v.version)}
                >
                  <RotateCcw aria-hidden="true" className="size-3.5" />
                  Restore version {v.version}
                </Button>
              ) : null}
              <a href={`/style-sets/${setId}@${v.version}`} className={action}>
                <Link2 aria-hidden="true" className="size-3.5" />
                Link to version {v.version}
              </a>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
