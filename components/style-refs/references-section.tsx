"use client";
// The builder's style references. What loads with the page is only this: the
// heading, the drop zone, "Add image…" and the URL field. The list (dnd-kit,
// sliders), the set actions and the code that uploads and checks are fetched
// when the first reference arrives, or earlier when the designer shows intent
// (hover, focus, a drag entering the pane), so the first load stays light.
import { Button } from "@/components/ui/button";
import { ImagePlus, X } from "lucide-react";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useBuilderForm, useField } from "@/lib/client/builder/form-state";
import { useReferenceDrop } from "@/lib/client/references/use-reference-drop";
import { setStyleSetOrigin, useStyleSetOrigin } from "@/lib/client/references/style-set-origin";
import { STYLE_REFERENCES_MAX } from "@/lib/contract/krea/options";
import type { DroppedData } from "@/lib/client/references/dropped";
import type { ReferenceEntry } from "@/lib/client/references/entry";
import type { ReferenceListApi } from "@/lib/client/references/add-pipeline";
import { isListFullMessage } from "@/lib/client/references/list";
import { StyleSetsButton } from "@/components/style-sets/style-sets-button";
import { DropOverlay, RowsSkeleton } from "./section-parts";
import { UrlField } from "./url-field";

const NO_ROWS: ReferenceEntry[] = [];
const loadPipeline = () => import("@/lib/client/references/add-pipeline");
const loadPanel = () => import("./reference-panel");
const ReferencePanel = lazy(() => loadPanel().then((m) => ({ default: m.ReferencePanel })));
const preload = () => {
  void loadPanel();
  void loadPipeline();
};

export function ReferencesSection({ ready }: { ready: boolean }) {
  const form = useBuilderForm();
  const { value, error: serverError } = useField("imageStyleReferences");
  const rows = value ?? NO_ROWS;
  const origin = useStyleSetOrigin();
  const [messages, setMessages] = useState<string[]>([]);
  const sectionRef = useRef<HTMLElement>(null);
  const messagesRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const api = useMemo<ReferenceListApi>(
    () => ({
      get: () => form.get("imageStyleReferences") ?? NO_ROWS,
      set: (next) => {
        form.set("imageStyleReferences", [...next]);
        form.clearError("imageStyleReferences");
      },
      report: setMessages,
      append: (message) =>
        setMessages((shown) => (shown.includes(message) ? shown : [...shown, message])),
    }),
    [form],
  );

  const onData = useCallback(
    (data: DroppedData, source: "drop" | "paste") =>
      void loadPipeline().then((p) => p.addDropped(api, data, source)),
    [api],
  );
  const dragging = useReferenceDrop(sectionRef, { onData, onDragStart: preload });

  // A reload cut short any link checks; ask again. Emptying the list forgets its set.
  useEffect(() => {
    if (!ready) return;
    if (api.get().some((r) => r.status === "checking")) {
      void loadPipeline().then((p) => p.resumeChecks(api));
    }
  }, [ready, api]);
  useEffect(() => {
    if (ready && rows.length === 0 && origin) setStyleSetOrigin(null);
  }, [ready, rows.length, origin]);
  // "At most 10… remove one first" is stale as soon as there is room again.
  const hasRoom = rows.length < STYLE_REFERENCES_MAX;
  useEffect(() => {
    if (!hasRoom) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- follows the list's length
    setMessages((shown) =>
      shown.some(isListFullMessage) ? shown.filter((m) => !isListFullMessage(m)) : shown,
    );
  }, [hasRoom]);
  // A drop onto a long list may happen far from where its answer is shown. Centred:
  // at the bottom edge the builder's sticky Generate bar would cover it.
  useEffect(() => {
    if (messages.length > 0) messagesRef.current?.scrollIntoView({ block: "center" });
  }, [messages]);
  useEffect(() => {
    if (!ready || !new URLSearchParams(window.location.search).has("useStyleSet")) return;
    void import("./apply-from-url").then((m) => m.applyFromUrl(api));
  }, [ready, api]);

  const addPicked = (files: FileList | null) => {
    const picked = files ? Array.from(files) : [];
    if (fileInput.current) fileInput.current.value = "";
    if (picked.length) void loadPipeline().then((p) => p.addFiles(api, picked));
  };

  const full = rows.length >= STYLE_REFERENCES_MAX;

  return (
    <section
      ref={sectionRef}
      aria-labelledby="refs-title"
      className="px-4 py-3"
      onPointerEnter={preload}
      onFocus={preload}
    >
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <h3 id="refs-title" className="text-xs font-medium">
          Style references
        </h3>
        <div className="flex items-center gap-2">
          <span
            className="text-xs tabular-nums text-muted"
            aria-label={`${rows.length} of ${STYLE_REFERENCES_MAX} references`}
          >
            {rows.length} / {STYLE_REFERENCES_MAX}
          </span>
          <StyleSetsButton list={api} />
        </div>
      </div>

      {rows.length > 0 ? (
        <Suspense fallback={<RowsSkeleton count={rows.length} />}>
          <ReferencePanel api={api} rows={rows} origin={origin} />
        </Suspense>
      ) : null}

      {messages.length > 0 || serverError ? (
        <div
          ref={messagesRef}
          role="alert"
          className="mt-2 flex gap-2 rounded-md border border-danger/40 bg-subtle px-2.5 py-2 text-xs"
        >
          <ul className="min-w-0 flex-1 space-y-1">
            {serverError ? <li>{serverError}</li> : null}
            {messages.map((m) => (
              <li key={m} className="break-words">
                {m}
              </li>
            ))}
          </ul>
          {messages.length > 0 ? (
            <Button
              variant="icon"
              size="xs"
              aria-label="Dismiss reference messages"
              onClick={() => setMessages([])}
              className="-m-0.5 rounded-sm p-1 hover:bg-border"
            >
              <X aria-hidden="true" className="size-4" />
            </Button>
          ) : null}
        </div>
      ) : null}

      <div
        className={`mt-2 rounded-md border border-dashed px-3 text-xs text-muted transition-colors ${
          dragging ? "border-accent bg-subtle" : "border-border-strong"
        } ${rows.length ? "py-2" : "py-4"}`}
      >
        <div className={`flex items-center gap-3 ${rows.length ? "" : "flex-col text-center"}`}>
          {rows.length === 0 ? (
            <p id="refs-hint" className="leading-relaxed">
              Drop images or links here, or paste them.
              <br />
              JPEG, PNG or WebP, up to {STYLE_REFERENCES_MAX}. Strength 2 follows a style, −2 avoids
              it.
            </p>
          ) : (
            <p id="refs-hint" className="flex-1">
              Drop or paste more images and links.
            </p>
          )}
          <Button
            variant="secondary"
            size="sm"
            onClick={() => fileInput.current?.click()}
            disabled={full}
            aria-describedby="refs-hint"
            className="disabled:opacity-50"
          >
            <ImagePlus aria-hidden="true" className="size-3.5" />
            Add image…
          </Button>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp"
            tabIndex={-1}
            aria-hidden="true"
            className="hidden"
            onChange={(e) => addPicked(e.currentTarget.files)}
          />
        </div>
      </div>

      <UrlField
        onAdd={async (text) => (await loadPipeline()).addTypedUrl(api, text)}
        onIntent={preload}
      />

      {dragging ? <DropOverlay pane={sectionRef} /> : null}
    </section>
  );
}
