import type { ReactNode } from "react";

export function FactSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-border px-4 py-4">
      <h3 className="mb-2 text-xs font-semibold text-muted">{title}</h3>
      {children}
    </section>
  );
}

/** Marks the value the studio starts with. */
export function DefaultMark() {
  return (
    <span className="rounded-sm bg-subtle px-1.5 py-px text-[11px] font-medium text-muted">
      Default
    </span>
  );
}
