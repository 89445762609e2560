"use client";
// Zoom and pan for an image in a stage (lightbox, wipe view): wheel and pinch zoom
// around the pointer, a drag pans, keys 1 / 0 / + / - and arrows, and on touch a
// sideways swipe when there is nothing to pan. The arithmetic is lib/client/gallery/zoom.ts;
// this hook only turns events into views. One state can drive several stages of
// the same size (the wipe view's side-by-side), so both sides always match.
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from "react";
import {
  actualScale,
  canPan,
  clampView,
  fitView,
  isOnImage,
  panBy,
  scaleBounds,
  stageCentre,
  swipeDirection,
  wheelFactor,
  zoomAt,
  zoomPercent,
  ZOOM_STEP,
  type Point,
  type Size,
  type View,
} from "@/lib/client/gallery/zoom";

export interface ZoomPanOptions {
  /** the image's own pixel size (from the workflow) */
  image: Size;
  /** a new key (another image) goes back to fit */
  resetKey: string;
  /** a sideways touch swipe while nothing can be panned: 1 = next, -1 = previous */
  onSwipe?: (direction: 1 | -1) => void;
  /** a press released without dragging, in stage coordinates */
  onTap?: (at: Point, onImage: boolean) => void;
}

export interface ZoomPan {
  view: View;
  /** the stage's size in CSS px (0 × 0 until measured) */
  stage: Size;
  percent: number;
  atFit: boolean;
  atMin: boolean;
  atMax: boolean;
  pannable: boolean;
  dragging: boolean;
  /** how far a swipe in progress has moved the image sideways */
  swipeOffset: number;
  handlers: {
    onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void;
    onPointerMove: (event: ReactPointerEvent<HTMLElement>) => void;
    onPointerUp: (event: ReactPointerEvent<HTMLElement>) => void;
    onPointerCancel: (event: ReactPointerEvent<HTMLElement>) => void;
  };
  fit: () => void;
  actual: (at?: Point) => void;
  zoomIn: () => void;
  zoomOut: () => void;
  /** handles 1, 0, + / =, - and (when zoomed in) the arrows; says whether it did */
  onKeyDown: (event: ReactKeyboardEvent) => boolean;
}

type Gesture =
  | { kind: "idle" }
  | { kind: "press"; start: Point; view: View; touch: boolean }
  | { kind: "pan"; start: Point; view: View }
  | { kind: "swipe"; start: Point }
  | { kind: "pinch"; distance: number; mid: Point; view: View }
  | { kind: "done" };

/** A press moving less than this is a tap, not a drag (touch wobbles more). */
const TAP_SLOP = { mouse: 4, touch: 10 };
/** Arrow keys pan this many CSS px (Shift: a quarter of the stage). */
const KEY_PAN = 80;

/**
 * `bind` is the callback ref for each stage element (wheel zoom, size). Take it
 * apart from the rest (`const { bind, ...zoom } = useZoomPan(…)`): React's lint
 * treats an object that holds a ref as a ref, and would refuse reading the rest.
 */
export function useZoomPan({ image, resetKey, onSwipe, onTap }: ZoomPanOptions): ZoomPan & {
  bind: (element: HTMLElement | null) => (() => void) | undefined;
} {
  // null = fit: stays fitted when the stage resizes (phone rotation, sidebar).
  const [zoomed, setZoomed] = useState<{ key: string; view: View } | null>(null);
  const [stage, setStage] = useState<Size>({ width: 0, height: 0 });
  const [dpr, setDpr] = useState(() =>
    typeof window === "undefined" ? 1 : window.devicePixelRatio || 1,
  );
  const [dragging, setDragging] = useState(false);
  const [swipeOffset, setSwipeOffset] = useState(0);

  const own = zoomed && zoomed.key === resetKey ? zoomed.view : null;
  const view = own ? clampView(own, image, stage) : fitView(image, stage);
  const bounds = scaleBounds(image, stage, dpr);

  // Event handlers read the latest geometry from here, never from a stale closure.
  const latest = useRef({ view, image, stage, dpr, resetKey, onSwipe, onTap });
  useEffect(() => {
    latest.current = { view, image, stage, dpr, resetKey, onSwipe, onTap };
  });
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture>({ kind: "idle" });

  useEffect(() => {
    const onResize = () => setDpr(window.devicePixelRatio || 1);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);

  const set = useCallback((next: View | null) => {
    setZoomed(next ? { key: latest.current.resetKey, view: next } : null);
  }, []);

  const zoomBy = useCallback(
    (factor: number, at?: Point) => {
      const { view: v, image: img, stage: s, dpr: d } = latest.current;
      const next = zoomAt(v, v.scale * factor, at ?? stageCentre(s), img, s, d);
      // Back at the fit scale counts as fit, so resizing keeps it fitted.
      set(Math.abs(next.scale - fitView(img, s).scale) < 1e-6 ? null : next);
    },
    [set],
  );

  const bind = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return undefined;
      // Measured now, not at the observer's first callback: a key pressed as the
      // lightbox opens must already see the fitted view (it once panned at 100%).
      const { clientWidth, clientHeight } = element;
      if (clientWidth > 0 && clientHeight > 0)
        setStage({ width: clientWidth, height: clientHeight });
      const observer = new ResizeObserver(([entry]) => {
        if (!entry) return;
        const { width, height } = entry.contentRect;
        setStage((s) => (s.width === width && s.height === height ? s : { width, height }));
      });
      observer.observe(element);
      // Not passive: the page must not scroll (or browser-zoom) under the image.
      const onWheel = (event: WheelEvent) => {
        event.preventDefault();
        const rect = element.getBoundingClientRect();
        // A trackpad pinch arrives as a wheel with ctrlKey and small deltas.
        const delta = event.ctrlKey ? event.deltaY * 4 : event.deltaY;
        zoomBy(wheelFactor(delta, event.deltaMode), {
          x: event.clientX - rect.left,
          y: event.clientY - rect.top,
        });
      };
      element.addEventListener("wheel", onWheel, { passive: false });
      return () => {
        observer.disconnect();
        element.removeEventListener("wheel", onWheel);
      };
    },
    [zoomBy],
  );

  const local = (event: ReactPointerEvent<HTMLElement>): Point => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const startPinch = () => {
    const [a, b] = [...pointers.current.values()];
    if (!a || !b) return;
    gesture.current = {
      kind: "pinch",
      distance: Math.hypot(a.x - b.x, a.y - b.y) || 1,
      mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      view: latest.current.view,
    };
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    // Buttons and the wipe divider inside the stage handle their own presses.
    if (event.target instanceof Element && event.target.closest("button, [role=slider]")) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = local(event);
    pointers.current.set(event.pointerId, at);
    if (pointers.current.size === 2) startPinch();
    else if (pointers.current.size === 1) {
      gesture.current = {
        kind: "press",
        start: at,
        view: latest.current.view,
        touch: event.pointerType !== "mouse",
      };
    }
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    if (!pointers.current.has(event.pointerId)) return;
    const at = local(event);
    pointers.current.set(event.pointerId, at);
    const g = gesture.current;
    const { image: img, stage: s, dpr: d } = latest.current;
    if (g.kind === "pinch") {
      const [a, b] = [...pointers.current.values()];
      if (!a || !b) return;
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const moved = { ...g.view, x: g.view.x + mid.x - g.mid.x, y: g.view.y + mid.y - g.mid.y };
      const scale = (g.view.scale * Math.hypot(a.x - b.x, a.y - b.y)) / g.distance;
      set(zoomAt(moved, scale, mid, img, s, d));
      return;
    }
    if (g.kind === "press") {
      const slop = g.touch ? TAP_SLOP.touch : TAP_SLOP.mouse;
      if (Math.hypot(at.x - g.start.x, at.y - g.start.y) < slop) return;
      if (canPan(g.view, img, s)) gesture.current = { kind: "pan", start: g.start, view: g.view };
      else if (g.touch && latest.current.onSwipe)
        gesture.current = { kind: "swipe", start: g.start };
      else gesture.current = { kind: "done" };
      setDragging(gesture.current.kind !== "done");
    }
    const h = gesture.current;
    if (h.kind === "pan") set(panBy(h.view, at.x - h.start.x, at.y - h.start.y, img, s));
    else if (h.kind === "swipe") setSwipeOffset(at.x - h.start.x);
  };

  const finish = (event: ReactPointerEvent<HTMLElement>, cancelled: boolean) => {
    if (!pointers.current.has(event.pointerId)) return;
    const at = local(event);
    pointers.current.delete(event.pointerId);
    const g = gesture.current;
    const { view: v, image: img, stage: s } = latest.current;
    if (!cancelled && g.kind === "press") latest.current.onTap?.(at, isOnImage(v, img, at));
    if (!cancelled && g.kind === "swipe") {
      const direction = swipeDirection(at.x - g.start.x, at.y - g.start.y, s.width);
      if (direction !== 0) latest.current.onSwipe?.(direction);
    }
    setSwipeOffset(0);
    // One finger left after a pinch keeps panning from where the pinch left off.
    const [rest] = [...pointers.current.values()];
    if (g.kind === "pinch" && rest) gesture.current = { kind: "pan", start: rest, view: v };
    else if (!rest) {
      gesture.current = { kind: "idle" };
      setDragging(false);
    }
  };

  const onKeyDown = (event: ReactKeyboardEvent): boolean => {
    // A menu or field inside the dialog (keys bubble through portals) has its own keys.
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
    if (event.target instanceof Element && event.target.closest("input, textarea, [role=menu]"))
      return false;
    const { view: v, image: img, stage: s, dpr: d } = latest.current;
    const step = event.shiftKey ? Math.max(KEY_PAN, s.width / 4) : KEY_PAN;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    let handled = true;
    if (event.key === "0") set(null);
    else if (event.key === "1") set(zoomAt(v, actualScale(d), stageCentre(s), img, s, d));
    else if (event.key === "+" || event.key === "=") zoomBy(ZOOM_STEP);
    else if (event.key === "-" || event.key === "_") zoomBy(1 / ZOOM_STEP);
    else if (event.key in arrows && canPan(v, img, s)) {
      const [dx, dy] = arrows[event.key] ?? [0, 0];
      set(panBy(v, dx, dy, img, s));
    } else handled = false;
    if (handled) event.preventDefault();
    return handled;
  };

  return {
    view,
    stage,
    percent: zoomPercent(view.scale, dpr),
    atFit: own === null,
    atMin: view.scale <= bounds.min + 1e-6,
    atMax: view.scale >= bounds.max - 1e-6,
    pannable: canPan(view, image, stage),
    dragging,
    swipeOffset,
    bind,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: (event) => finish(event, false),
      onPointerCancel: (event) => finish(event, true),
    },
    fit: () => set(null),
    actual: (at) => {
      const { view: v, image: img, stage: s, dpr: d } = latest.current;
      set(zoomAt(v, actualScale(d), at ?? stageCentre(s), img, s, d));
    },
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    onKeyDown,
  };
}
