// The arithmetic of zooming and panning an image inside a stage (the lightbox,
// the wipe view), kept pure so it is tested without a browser. A view places the
// image's top-left corner at (x, y) in the stage, drawn at `scale` CSS pixels per
// image pixel. "100%" means true pixels: one image pixel per device pixel, so its
// scale is 1 / devicePixelRatio (a 1376 px image is 688 CSS px wide on a 2× screen).

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface View {
  scale: number;
  x: number;
  y: number;
}

/** Zooming past 8× true pixels shows nothing more about a generated image. */
export const MAX_ZOOM = 8;
/** One zoom-in button press or `+` key. */
export const ZOOM_STEP = 1.5;

/** CSS px per image px at which one image pixel covers one device pixel. */
export function actualScale(devicePixelRatio: number): number {
  return devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? 1 / devicePixelRatio : 1;
}

/** The largest scale at which the whole image is visible in the stage. */
export function fitScale(image: Size, stage: Size): number {
  if (image.width <= 0 || image.height <= 0 || stage.width <= 0 || stage.height <= 0) return 1;
  return Math.min(stage.width / image.width, stage.height / image.height);
}

/** Zoom bounds: never smaller than fit or 100% (whichever is smaller), never past 8× true pixels. */
export function scaleBounds(image: Size, stage: Size, dpr: number): { min: number; max: number } {
  const fit = fitScale(image, stage);
  const actual = actualScale(dpr);
  return { min: Math.min(fit, actual), max: Math.max(fit, actual * MAX_ZOOM) };
}

/** The image at fit scale, centred. */
export function fitView(image: Size, stage: Size): View {
  const scale = fitScale(image, stage);
  return clampView({ scale, x: 0, y: 0 }, image, stage);
}

/**
 * Keeps the image where it can be seen: along an axis where it is smaller than
 * the stage it is centred, along one where it is larger no empty stage shows
 * beside it.
 */
export function clampView(view: View, image: Size, stage: Size): View {
  return {
    scale: view.scale,
    x: clampAxis(view.x, image.width * view.scale, stage.width),
    y: clampAxis(view.y, image.height * view.scale, stage.height),
  };
}

function clampAxis(offset: number, drawn: number, room: number): number {
  if (drawn <= room) return (room - drawn) / 2;
  return Math.min(0, Math.max(room - drawn, offset));
}

/** Zooms to `scale` (within bounds) keeping the image point under `at` (stage coordinates) where it is. */
export function zoomAt(
  view: View,
  scale: number,
  at: Point,
  image: Size,
  stage: Size,
  dpr: number,
): View {
  const { min, max } = scaleBounds(image, stage, dpr);
  const next = Math.min(max, Math.max(min, scale));
  const ratio = next / view.scale;
  return clampView(
    { scale: next, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio },
    image,
    stage,
  );
}

/** The stage's centre: where keyboard and button zooms zoom around. */
export function stageCentre(stage: Size): Point {
  return { x: stage.width / 2, y: stage.height / 2 };
}

/** Moves the image by (dx, dy) stage pixels, within what clampView allows. */
export function panBy(view: View, dx: number, dy: number, image: Size, stage: Size): View {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, image, stage);
}

/** A wheel's deltaY as a zoom factor: smooth for trackpads, about 1.2× per mouse notch. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  // deltaMode 1 = lines, 2 = pages; turn both into pixels first.
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-300, Math.min(300, pixels)) / 550);
}

/** The zoom as a designer reads it: percent of true pixels, whole numbers. */
export function zoomPercent(scale: number, dpr: number): number {
  return Math.round((scale / actualScale(dpr)) * 100);
}

/** The image overflows the stage along some axis: there is something to pan. */
export function canPan(view: View, image: Size, stage: Size): boolean {
  // An unmeasured stage (0 × 0) is not "smaller than the image": until it is
  // measured, arrows step between images instead of panning.
  if (stage.width <= 0 || stage.height <= 0) return false;
  const eps = 0.5;
  return (
    image.width * view.scale > stage.width + eps || image.height * view.scale > stage.height + eps
  );
}

/** Whether a stage point lies on the drawn image. */
export function isOnImage(view: View, image: Size, at: Point): boolean {
  return (
    at.x >= view.x &&
    at.y >= view.y &&
    at.x <= view.x + image.width * view.scale &&
    at.y <= view.y + image.height * view.scale
  );
}

/**
 * A finished horizontal touch drag read as a swipe between images: far enough
 * (a sixth of the stage, at least 40 px) and more sideways than up or down.
 */
export function swipeDirection(dx: number, dy: number, stageWidth: number): -1 | 0 | 1 {
  const needed = Math.max(40, stageWidth / 6);
  if (Math.abs(dx) < needed || Math.abs(dx) < Math.abs(dy) * 1.5) return 0;
  return dx < 0 ? 1 : -1;
}
