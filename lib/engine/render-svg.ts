// Composes the local engine's stand-in for a Krea render as SVG. Everything is
// a pure function of the inputs that change a real render (prompt, seed,
// aspect ratio, creativity, style references, tier) plus the image's place in
// its batch, so the same request gives the same picture and any change shows:
// - the prompt picks the palette's hue family, the seed the composition;
// - creativity sets how many shapes there are and how wild they get;
// - each style reference pulls the palette toward a colour derived from its
//   URL by its strength; negative strength pushes away from it;
// - the large tier adds fine detail (hatching, dust, rings) on top.
// A hazard-striped band marks it as a local preview. The stripes and the
// crossed-frame icon are shapes, so the mark shows even where no font exists.
import { OUTPUT_SIZES, type AspectRatio, type Creativity, type KreaSize } from "./krea-facts";
import { fnv1a } from "./ids";

export interface RenderSpec {
  prompt: string;
  seed: number;
  aspectRatio: AspectRatio;
  creativity: Creativity;
  size: KreaSize;
  styleReferences: { imageUrl: string; strength: number }[];
  /** position in the quantity batch: image 0 is what a quantity-1 run gives */
  index: number;
}

type Rgb = [number, number, number];

const WILDNESS: Record<Creativity, number> = { raw: 0, low: 0.33, medium: 0.66, high: 1 };
const SHAPES: Record<Creativity, number> = { raw: 9, low: 14, medium: 22, high: 34 };
export const PREVIEW_MARK = "LOCAL PREVIEW · not a Krea render";

/** mulberry32: small, fast and fully determined by its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hsl(h: number, s: number, l: number): Rgb {
  const hue = ((h % 360) + 360) % 360;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    hue < 60
      ? [c, x, 0]
      : hue < 120
        ? [x, c, 0]
        : hue < 180
          ? [0, c, x]
          : hue < 240
            ? [0, x, c]
            : hue < 300
              ? [x, 0, c]
              : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

const clamp = (v: number) => Math.max(0, Math.min(255, v));
const hex = ([r, g, b]: Rgb) =>
  `#${[r, g, b].map((v) => Math.round(clamp(v)).toString(16).padStart(2, "0")).join("")}`;

/** The colour a style reference stands for: a stable hue from its URL. */
export function referenceColour(imageUrl: string): Rgb {
  const h = fnv1a(imageUrl);
  return hsl(h % 360, 0.55 + ((h >>> 9) % 30) / 100, 0.45 + ((h >>> 17) % 20) / 100);
}

export function palette(spec: RenderSpec): Rgb[] {
  const base = fnv1a(spec.prompt.trim().toLowerCase()) % 360;
  const pick = rng(spec.seed ^ 0x9e3779b9);
  const spread = [0, 30, 150, 180, 210][Math.floor(pick() * 5)] ?? 30;
  let colours: Rgb[] = [0, 1, 2, 3, 4].map((i) =>
    hsl(
      base + (i % 2 === 0 ? 0 : spread) + (pick() - 0.5) * 40,
      0.45 + pick() * 0.45,
      0.25 + i * 0.12 + pick() * 0.08,
    ),
  );
  for (const ref of spec.styleReferences) {
    const target = referenceColour(ref.imageUrl);
    const k = Math.min(0.9, Math.abs(ref.strength) * 0.4);
    colours = colours.map((c) =>
      ref.strength >= 0
        ? [
            c[0] + (target[0] - c[0]) * k,
            c[1] + (target[1] - c[1]) * k,
            c[2] + (target[2] - c[2]) * k,
          ]
        : [
            clamp(c[0] + (c[0] - target[0]) * k),
            clamp(c[1] + (c[1] - target[1]) * k),
            clamp(c[2] + (c[2] - target[2]) * k),
          ],
    );
  }
  return colours;
}

const f1 = (n: number) => n.toFixed(1);

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function buildSvg(spec: RenderSpec): string {
  const { width: W, height: H } = OUTPUT_SIZES[spec.aspectRatio];
  const colours = palette(spec).map(hex);
  const c = (i: number) => colours[i % colours.length] ?? "#808080";
  const wild = WILDNESS[spec.creativity];
  const key = JSON.stringify([
    spec.prompt,
    spec.seed,
    spec.aspectRatio,
    spec.creativity,
    spec.styleReferences,
    spec.index,
  ]);
  const r = rng(fnv1a(key) ^ spec.seed);
  const parts: string[] = [];

  const angle = Math.floor(r() * 360);
  parts.push(
    `<defs><linearGradient id="bg" gradientTransform="rotate(${angle} .5 .5)"><stop offset="0" stop-color="${c(0)}"/><stop offset="1" stop-color="${c(3)}"/></linearGradient>`,
    `<radialGradient id="glow"><stop offset="0" stop-color="${c(4)}" stop-opacity=".85"/><stop offset="1" stop-color="${c(4)}" stop-opacity="0"/></radialGradient>`,
    `<pattern id="hazard" width="24" height="24" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="12" height="24" fill="#f5c518"/><rect x="12" width="12" height="24" fill="#111"/></pattern>`,
    `</defs>`,
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>`,
    `<ellipse cx="${f1(W * (0.2 + r() * 0.6))}" cy="${f1(H * (0.2 + r() * 0.5))}" rx="${f1(W * 0.45)}" ry="${f1(H * 0.45)}" fill="url(#glow)"/>`,
  );

  const count = SHAPES[spec.creativity];
  const cols = Math.ceil(Math.sqrt((count * W) / H));
  for (let i = 0; i < count; i++) {
    // raw sits on a grid; higher creativity drifts further from it.
    const gx = ((i % cols) + 0.5) * (W / cols);
    const gy = (Math.floor(i / cols) + 0.5) * (H / Math.ceil(count / cols));
    const x = gx + (r() - 0.5) * W * 0.9 * wild;
    const y = gy + (r() - 0.5) * H * 0.9 * wild;
    const s = Math.min(W, H) * (0.08 + r() * (0.06 + 0.3 * wild));
    const rot = f1((r() - 0.5) * 180 * wild);
    const fill = c(1 + Math.floor(r() * 4));
    const opacity = f1(0.55 + r() * 0.4 - wild * 0.15);
    const kind = wild === 0 ? i % 2 : Math.floor(r() * (wild > 0.5 ? 4 : 3));
    const t = `transform="rotate(${rot} ${f1(x)} ${f1(y)})" fill="${fill}" fill-opacity="${opacity}"`;
    if (kind === 0)
      parts.push(
        `<circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(s / 2)}" fill="${fill}" fill-opacity="${opacity}"/>`,
      );
    else if (kind === 1)
      parts.push(
        `<rect x="${f1(x - s / 2)}" y="${f1(y - s / 2)}" width="${f1(s)}" height="${f1(s * (0.6 + r() * 0.8))}" rx="${f1(s * 0.08)}" ${t}/>`,
      );
    else if (kind === 2)
      parts.push(
        `<path d="M${f1(x)} ${f1(y - s / 2)}L${f1(x + s / 2)} ${f1(y + s / 2)}L${f1(x - s / 2)} ${f1(y + s / 2)}Z" ${t}/>`,
      );
    else {
      const pts = [0, 1, 2, 3].map(
        () => `${f1(x + (r() - 0.5) * s * 2.2)} ${f1(y + (r() - 0.5) * s * 2.2)}`,
      );
      parts.push(
        `<path d="M${f1(x)} ${f1(y)}C${pts[0]} ${pts[1]} ${pts[2]}S${pts[3]} ${f1(x)} ${f1(y)}Z" ${t}/>`,
      );
    }
  }

  if (spec.size === "large") {
    // Hatching as one path: an SVG <pattern> fill costs librsvg ~0.5 s at this size.
    const step = 10;
    const slope = 0.3 + r() * 1.4;
    const lines: string[] = [];
    for (let x0 = -H * slope; x0 < W; x0 += step) lines.push(`M${f1(x0)} 0l${f1(H * slope)} ${H}`);
    parts.push(
      `<path d="${lines.join("")}" stroke="${c(4)}" stroke-opacity=".3" stroke-width="1" fill="none"/>`,
    );
    const ringX = W * (0.25 + r() * 0.5);
    const ringY = H * (0.25 + r() * 0.4);
    for (let k = 1; k <= 6; k++) {
      parts.push(
        `<circle cx="${f1(ringX)}" cy="${f1(ringY)}" r="${f1(k * Math.min(W, H) * 0.05)}" fill="none" stroke="${c(k)}" stroke-opacity=".6" stroke-width="${f1(1 + k * 0.4)}"/>`,
      );
    }
    const dust: string[] = [];
    for (let k = 0; k < 140; k++) dust.push(`M${f1(r() * W)} ${f1(r() * H)}h2v2h-2z`);
    parts.push(`<path d="${dust.join("")}" fill="${c(4)}" fill-opacity=".8"/>`);
  }

  parts.push(band(spec, W, H));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join("")}</svg>`;
}

function band(spec: RenderSpec, W: number, H: number): string {
  const bh = Math.max(64, Math.round(Math.min(W, H) * 0.11));
  const y = H - bh;
  // Narrow ratios (9:16) need smaller type for the mark and the facts to share a line.
  const fs = Math.round(Math.min(bh * 0.26, W / 50));
  const pad = Math.round(bh * 0.25);
  const icon = bh - 2 * pad;
  const maxChars = Math.floor((W - 3 * pad - icon) / (fs * 0.85 * 0.6));
  const oneLine = spec.prompt.replace(/\s+/g, " ").trim();
  const excerpt =
    oneLine.length > maxChars ? `${oneLine.slice(0, maxChars - 1).trimEnd()}…` : oneLine;
  const facts = `seed ${spec.seed} · ${spec.aspectRatio} · ${spec.size}${spec.index > 0 ? ` · #${spec.index + 1}` : ""}`;
  const font = `font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"`;
  const tx = pad * 2 + icon;
  return [
    `<rect y="${y - 10}" width="${W}" height="10" fill="url(#hazard)"/>`,
    `<rect y="${y}" width="${W}" height="${bh}" fill="#0b0b0c" fill-opacity=".82"/>`,
    // crossed frame: "placeholder image", readable without any font
    `<g fill="none" stroke="#f5c518" stroke-width="3"><rect x="${pad}" y="${y + pad}" width="${icon}" height="${icon}"/><path d="M${pad} ${y + pad}l${icon} ${icon}M${pad + icon} ${y + pad}l${-icon} ${icon}"/></g>`,
    `<text x="${tx}" y="${y + pad + fs * 0.9}" ${font} font-size="${fs}" font-weight="700" fill="#f5c518">${escapeXml(PREVIEW_MARK)}</text>`,
    `<text x="${tx}" y="${y + bh - pad}" ${font} font-size="${Math.round(fs * 0.85)}" fill="#e8e8e8">${escapeXml(excerpt)}</text>`,
    `<text x="${W - pad}" y="${y + pad + fs * 0.9}" ${font} font-size="${Math.round(fs * 0.85)}" fill="#e8e8e8" text-anchor="end">${escapeXml(facts)}</text>`,
  ].join("");
}
