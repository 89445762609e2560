"use client";
// The builder pane as a drop and paste target for style references. Native
// listeners on the pane (not React props) because the pane is a server-rendered
// <aside> around the form, and because a drop's data can only be read during the
// event itself. What is carried is read here into plain strings and files, and
// handed on; nothing from another page is ever inserted into ours.
import { useEffect, useRef, useState, type RefObject } from "react";
import type { DroppedData } from "@/lib/client/references/dropped";

export interface ReferenceDropHandlers {
  /** a drop or paste carrying files or links, read and ready */
  onData(data: DroppedData, source: "drop" | "paste"): void;
  /** a drag of something addable entered the pane (preload the list's code) */
  onDragStart?(): void;
}

const ADDABLE_TYPES = ["Files", "text/uri-list", "text/html"];

function carriesAddable(dt: DataTransfer | null): boolean {
  return !!dt && Array.from(dt.types).some((t) => ADDABLE_TYPES.includes(t));
}

/** Inputs and editable areas, where pasted or dropped text means text. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !["button", "checkbox", "radio", "range", "file"].includes(target.type)
  );
}

function read(dt: DataTransfer): DroppedData {
  return {
    files: Array.from(dt.files),
    uriList: dt.getData("text/uri-list"),
    html: dt.getData("text/html"),
    text: dt.getData("text/plain"),
  };
}

/** Listens on the element around `inside` (the pane); returns whether an addable drag is over it. */
export function useReferenceDrop(
  inside: RefObject<HTMLElement | null>,
  handlers: ReferenceDropHandlers,
): boolean {
  const [over, setOver] = useState(false);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const pane = inside.current?.closest("aside") ?? inside.current?.closest("form");
    if (!pane) return;
    let depth = 0;
    // A drag that started on this page (selected prompt text) is not a reference.
    let internal = false;
    const onDocDragStart = () => (internal = true);
    const onDocDragEnd = () => (internal = false);
    const reset = () => {
      depth = 0;
      setOver(false);
    };
    const onDragEnter = (e: DragEvent) => {
      if (internal || !carriesAddable(e.dataTransfer)) return;
      e.preventDefault();
      if (depth++ === 0) {
        setOver(true);
        latest.current.onDragStart?.();
      }
    };
    const onDragOver = (e: DragEvent) => {
      if (internal || !carriesAddable(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const onDragLeave = () => {
      if (depth > 0 && --depth === 0) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      reset();
      if (internal || !e.dataTransfer) return;
      const data = read(e.dataTransfer);
      // Text dropped into the prompt stays text; files always become references.
      if (data.files.length === 0 && isTextEntry(e.target)) return;
      e.preventDefault();
      latest.current.onData(data, "drop");
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!e.clipboardData) return;
      const data = read(e.clipboardData);
      // In a text field, pasted text is text (a URL into the prompt stays a URL in
      // the prompt); a pasted image has nowhere else to go, so it becomes a reference.
      if (isTextEntry(e.target) && (data.files.length === 0 || data.text)) return;
      if (data.files.length === 0 && !data.uriList && !data.html && !data.text) return;
      e.preventDefault();
      latest.current.onData(data, "paste");
    };
    // One signal takes every listener off again.
    const listeners = new AbortController();
    const opts = { signal: listeners.signal };
    document.addEventListener("dragstart", onDocDragStart, opts);
    document.addEventListener("dragend", onDocDragEnd, opts);
    pane.addEventListener("dragenter", onDragEnter, opts);
    pane.addEventListener("dragover", onDragOver, opts);
    pane.addEventListener("dragleave", onDragLeave, opts);
    pane.addEventListener("drop", onDrop, opts);
    pane.addEventListener("paste", onPaste, opts);
    window.addEventListener("drop", reset, opts);
    window.addEventListener("dragend", reset, opts);
    return () => listeners.abort();
  }, [inside]);

  return over;
}
