"use client";
// Two versions of a set side by side: references and strengths, and the changes
// from the left one to the right one.
import { useId } from "react";
import { diffVersions, namesByKey } from "@/lib/contract/style-sets/diff";
import type { StyleSetVersion } from "@/lib/contract/style-sets/history";
import { DiffLines } from "./diff-lines";
import { RefStrip } from "./ref-strip";

export function VersionCompare({
  versions,
  left,
  right,
  onChange,
}: {
  versions: readonly StyleSetVersion[];
  left: number;
  right: number;
  onChange: (left: number, right: number) => void;
}) {
  const a = versions.find((v) => v.version === left);
  const b = versions.find((v) => v.version === right);
  const leftId = useId();
  const rightId = useId();
  const select = "ml-1.5 h-7 rounded-md border border-border bg-raised px-1.5 text-xs";
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      Version {v.version} · {v.author}
    </option>
  ));
  return (
    <section
      aria-label="Compare versions"
      className="rounded-lg border border-border bg-raised p-3"
    >
      <div className="flex flex-wrap items-center gap-3 text-xs">
        <h3 className="text-sm font-semibold">Compare</h3>
        <label htmlFor={leftId}>
          Left
          <select
            id={leftId}
            value={left}
            onChange={(e) => onChange(Number(e.target.value), right)}
            className={select}
          >
            {options}
          </select>
        </label>
        <label htmlFor={rightId}>
          Right
          <select
            id={rightId}
            value={right}
            onChange={(e) => onChange(left, Number(e.target.value))}
            className={select}
          >
            {options}
          </select>
        </label>
      </div>
      {a && b ? (
        <>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {[a, b].map((v, i) => (
              <div key={i} className="min-w-0 rounded-md bg-subtle p-2">
                <p className="mb-1.5 truncate text-xs font-medium">
                  Version {v.version}: {v.name}
                </p>
                <RefStrip
                  references={v.references}
                  label={`References of version ${v.version}`}
                  size="size-14"
                />
              </div>
            ))}
          </div>
          <div className="mt-3">
            <p className="mb-1 text-xs font-medium">
              From version {a.version} to version {b.version}
            </p>
            <DiffLines
              diff={diffVersions(a, b)}
              names={namesByKey(a.references, b.references)}
              label={`Changes from version ${a.version} to version ${b.version}`}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
