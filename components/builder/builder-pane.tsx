import { BuilderForm } from "./builder-form";

/** The builder pane: a title bar, then the form with its sticky Generate bar. */
export function BuilderPane() {
  return (
    <div className="flex min-h-full flex-col">
      <div className="sticky top-0 z-10 flex h-10 shrink-0 items-center justify-between border-b border-border bg-panel px-4">
        <h2 className="text-sm font-semibold">Krea v2</h2>
        <span className="text-xs text-muted">Text to image · Buzz per image</span>
      </div>
      <BuilderForm />
    </div>
  );
}
