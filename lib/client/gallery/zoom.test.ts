import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  actualScale,
  canPan,
  clampView,
  fitScale,
  fitView,
  isOnImage,
  panBy,
  scaleBounds,
  swipeDirection,
  wheelFactor,
  zoomAt,
  zoomPercent,
} from "./zoom";

const image = { width: 1376, height: 768 };
const stage = { width: 992, height: 600 };

describe("fit", () => {
  it("is the largest scale that shows the whole image", () => {
    expect(fitScale(image, stage)).toBeCloseTo(992 / 1376);
    expect(fitScale(image, { width: 2000, height: 384 })).toBe(0.5);
  });

  it("centres the fitted image", () => {
    const v = fitView(image, stage);
    expect(v.x).toBeCloseTo(0);
    expect(v.y).toBeCloseTo((600 - 768 * (992 / 1376)) / 2);
  });

  it("survives an unmeasured stage", () => {
    expect(fitScale(image, { width: 0, height: 0 })).toBe(1);
  });
});

describe("100%", () => {
  it("is one image pixel per device pixel", () => {
    expect(actualScale(1)).toBe(1);
    expect(actualScale(2)).toBe(0.5);
    expect(actualScale(0)).toBe(1);
    expect(zoomPercent(0.5, 2)).toBe(100);
    expect(zoomPercent(992 / 1376, 1)).toBe(72);
  });

  it("bounds go from the smaller of fit and 100% to 8× true pixels", () => {
    expect(scaleBounds(image, stage, 1)).toEqual({ min: 992 / 1376, max: 8 });
    // A small image on a big stage: fit is above 100%, and may still be reached.
    expect(scaleBounds({ width: 100, height: 100 }, stage, 1)).toEqual({ min: 1, max: 8 });
    expect(scaleBounds(image, stage, 2)).toEqual({ min: 0.5, max: 4 });
  });
});

describe("zoomAt", () => {
  it("keeps the image point under the pointer in place", () => {
    const from = fitView(image, stage);
    const at = { x: 300, y: 420 };
    const imagePoint = { x: (at.x - from.x) / from.scale, y: (at.y - from.y) / from.scale };
    const to = zoomAt(from, 1, at, image, stage, 1);
    expect(to.scale).toBe(1);
    expect(to.x + imagePoint.x * to.scale).toBeCloseTo(at.x);
    expect(to.y + imagePoint.y * to.scale).toBeCloseTo(at.y);
  });

  it("clamps the scale to its bounds", () => {
    const from = fitView(image, stage);
    expect(zoomAt(from, 100, { x: 0, y: 0 }, image, stage, 1).scale).toBe(8);
    expect(zoomAt(from, 0.01, { x: 0, y: 0 }, image, stage, 1).scale).toBeCloseTo(992 / 1376);
  });

  it("the point stays put for any zoom that needs no clamping (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 8, noNaN: true }),
        fc.double({ min: 1, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s1, s2, fx, fy) => {
          // Start zoomed in and centred on the image's middle; zoom around a stage point
          // that lies over the image.
          const start = clampView(
            { scale: s1, x: stage.width / 2 - 688 * s1, y: stage.height / 2 - 384 * s1 },
            image,
            stage,
          );
          const at = { x: fx * stage.width, y: fy * stage.height };
          const p = { x: (at.x - start.x) / start.scale, y: (at.y - start.y) / start.scale };
          const end = zoomAt(start, s2, at, image, stage, 1);
          // From 1× both axes overflow this stage, so zooming in never needs clamping.
          if (s2 >= s1) {
            expect(end.x + p.x * end.scale).toBeCloseTo(at.x, 3);
            expect(end.y + p.y * end.scale).toBeCloseTo(at.y, 3);
          }
        },
      ),
    );
  });
});

describe("clamping the pan", () => {
  it("no empty stage shows beside an image larger than the stage", () => {
    const v = { scale: 1, x: 0, y: 0 };
    expect(panBy(v, 500, 500, image, stage)).toEqual({ scale: 1, x: 0, y: 0 });
    expect(panBy(v, -5000, -5000, image, stage)).toEqual({ scale: 1, x: 992 - 1376, y: 600 - 768 });
  });

  it("centres along an axis where the image is smaller than the stage", () => {
    // At 1×, 768 px tall in an 800 px stage: y is centred whatever the pan.
    const tall = { width: 992, height: 800 };
    expect(panBy({ scale: 1, x: 0, y: 0 }, 0, -300, image, tall).y).toBe(16);
  });

  it("any pan keeps the stage covered or the image centred (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 8, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        (scale, x, y) => {
          const v = clampView({ scale, x, y }, image, stage);
          const w = image.width * scale;
          const h = image.height * scale;
          if (w > stage.width) {
            expect(v.x).toBeLessThanOrEqual(0);
            expect(v.x + w).toBeGreaterThanOrEqual(stage.width - 1e-6);
          } else expect(v.x).toBeCloseTo((stage.width - w) / 2);
          if (h > stage.height) {
            expect(v.y).toBeLessThanOrEqual(0);
            expect(v.y + h).toBeGreaterThanOrEqual(stage.height - 1e-6);
          } else expect(v.y).toBeCloseTo((stage.height - h) / 2);
        },
      ),
    );
  });

  it("knows when there is something to pan", () => {
    expect(canPan(fitView(image, stage), image, stage)).toBe(false);
    expect(canPan({ scale: 1, x: 0, y: 0 }, image, stage)).toBe(true);
  });

  it("has nothing to pan before the stage is measured, so arrows step between images", () => {
    const unmeasured = { width: 0, height: 0 };
    expect(canPan(fitView(image, unmeasured), image, unmeasured)).toBe(false);
  });
});

describe("pointer helpers", () => {
  it("wheel up zooms in, down zooms out, the same amount either way", () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(-100, 0) * wheelFactor(100, 0)).toBeCloseTo(1);
    // Lines count as 16 px each.
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(48, 0));
  });

  it("finds whether a point is on the drawn image", () => {
    const v = fitView(image, stage);
    expect(isOnImage(v, image, { x: 10, y: 300 })).toBe(true);
    expect(isOnImage(v, image, { x: 10, y: 5 })).toBe(false);
  });

  it("reads a sideways drag as a swipe, a short or vertical one not", () => {
    expect(swipeDirection(-120, 10, 390)).toBe(1);
    expect(swipeDirection(120, -10, 390)).toBe(-1);
    expect(swipeDirection(-30, 0, 390)).toBe(0);
    expect(swipeDirection(-120, 150, 390)).toBe(0);
  });
});
