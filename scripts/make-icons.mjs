// Draws the app icons (manifest/color.png 192×192, manifest/outline.png 32×32) from shapes, so they can be
// re-made and reviewed as code. Run: npm exec -- node scripts/make-icons.mjs
// The motif: two overlapping speech bubbles, colleagues talking and learning from each other.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodePng } from './lib/png.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { 'out-dir': { type: 'string', default: path.join(root, 'manifest') } } });
const outDir = args['out-dir'];

const BRAND = [15, 110, 110]; // #0F6E6E, the manifest's accentColor
const MINT = [127, 224, 200];
const WHITE = [255, 255, 255];

// Signed distances in a unit square (0..1): negative inside.
const roundedRect = (cx, cy, hw, hh, r) => (x, y) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
/** Triangle as the intersection of three half-planes (counter-clockwise points). */
const triangle = (a, b, c) => (x, y) => {
  const edge = (p, q) => {
    const nx = q[1] - p[1];
    const ny = p[0] - q[0];
    const len = Math.hypot(nx, ny);
    return ((x - p[0]) * nx + (y - p[1]) * ny) / len;
  };
  return Math.max(edge(a, b), edge(b, c), edge(c, a));
};
const union =
  (...fs) =>
  (x, y) =>
    Math.min(...fs.map((f) => f(x, y)));
const subtract = (f, g) => (x, y) => Math.max(f(x, y), -g(x, y));
const grow = (f, d) => (x, y) => f(x, y) - d;
const ring = (f, width) => (x, y) => Math.abs(f(x, y)) - width / 2;

// Bubble A: upper left, tail down-left. Bubble B: lower right, tail down-right, overlapping A.
const bubbleA = union(roundedRect(0.4, 0.38, 0.25, 0.17, 0.09), triangle([0.22, 0.5], [0.3, 0.5], [0.18, 0.64]));
const bubbleB = union(roundedRect(0.62, 0.62, 0.22, 0.15, 0.08), triangle([0.7, 0.72], [0.78, 0.72], [0.83, 0.85]));
const dots = union(circle(0.3, 0.38, 0.035), circle(0.4, 0.38, 0.035), circle(0.5, 0.38, 0.035));
// A spark (learning) in bubble B: a small four-point star from two thin diamonds.
const diamond = (cx, cy, rx, ry) => (x, y) => (Math.abs(x - cx) / rx + Math.abs(y - cy) / ry - 1) * Math.min(rx, ry);
const spark = union(diamond(0.64, 0.62, 0.075, 0.02), diamond(0.64, 0.62, 0.02, 0.075));

/** Renders layers back to front; each layer is [sdf, rgb, opacity]. 4×4 supersampling smooths the edges. */
function render(size, layers, background) {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let c = background ? [...background[0], 1] : [0, 0, 0, 0];
          if (background && background[1](x, y) > 0) c = [0, 0, 0, 0];
          for (const [sdf, rgb] of layers) {
            if (sdf(x, y) <= 0) c = [...rgb, 1];
          }
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      const alpha = a / (n * n);
      // Un-premultiply; fully transparent pixels stay white so an outline icon holds only white.
      rgba[i] = a > 0 ? Math.round(r / a) : 255;
      rgba[i + 1] = a > 0 ? Math.round(g / a) : 255;
      rgba[i + 2] = a > 0 ? Math.round(b / a) : 255;
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

// Colour: brand tile (full bleed, as Teams crops it itself), mint bubble behind a white one, with a brand-coloured gap.
const gapAroundA = grow(bubbleA, 0.025);
const color = render(
  192,
  [
    [subtract(bubbleB, gapAroundA), MINT],
    [bubbleA, WHITE],
    [dots, BRAND],
    [subtract(spark, gapAroundA), BRAND],
  ],
  [BRAND, () => -1],
);

// Outline: white strokes only, on transparency (Teams tints it). Thicker strokes at 32 px stay legible.
const stroke = 0.075;
const outline = render(
  32,
  [
    [subtract(ring(bubbleB, stroke), grow(bubbleA, stroke * 1.2)), WHITE],
    [ring(bubbleA, stroke), WHITE],
    [union(circle(0.28, 0.38, 0.042), circle(0.4, 0.38, 0.042), circle(0.52, 0.38, 0.042)), WHITE],
  ],
  null,
);

writeFileSync(path.join(outDir, 'color.png'), encodePng(192, 192, color));
writeFileSync(path.join(outDir, 'outline.png'), encodePng(32, 32, outline));
console.log(`wrote color.png (192×192) and outline.png (32×32) to ${path.relative(process.cwd(), outDir) || '.'}`);
