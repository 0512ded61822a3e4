// Draws the Teams app icons: a five-point star, accent-coloured on white (color, 192x192) and white on
// transparent (outline, 32x32), as Teams asks. Pure arithmetic, so the committed PNGs can be redrawn and compared.
import type { Image } from "./png.js";

/** The manifest's accentColor; the star on the colour icon uses it too. */
export const ACCENT_COLOR = "#1D3557";

/** The star's corners, clockwise from the top, in a unit square (0..1). */
function starPolygon(outer: number, inner: number): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    // Shifted down a little so the star looks centred (its lower points sit higher than its top point).
    points.push([0.5 + radius * Math.cos(angle), 0.54 + radius * Math.sin(angle)]);
  }
  return points;
}

function inside(polygon: Array<[number, number]>, x: number, y: number): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as [number, number];
    const [xj, yj] = polygon[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/** Share of the pixel covered by the star, 0..1, from 4x4 samples (smooth edges without a graphics library). */
function coverage(polygon: Array<[number, number]>, size: number, px: number, py: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(polygon, (px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

function hex(color: string): [number, number, number] {
  return [Number.parseInt(color.slice(1, 3), 16), Number.parseInt(color.slice(3, 5), 16), Number.parseInt(color.slice(5, 7), 16)];
}

/** 192x192, opaque: the accent-coloured star on white. */
export function drawColorIcon(): Image {
  const size = 192;
  const star = starPolygon(0.42, 0.17);
  const [r, g, b] = hex(ACCENT_COLOR);
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(star, size, x, y);
      const at = (y * size + x) * 4;
      rgba[at] = Math.round(255 + (r - 255) * c);
      rgba[at + 1] = Math.round(255 + (g - 255) * c);
      rgba[at + 2] = Math.round(255 + (b - 255) * c);
      rgba[at + 3] = 255;
    }
  }
  return { width: size, height: size, rgba };
}

/** 32x32: a white star on a transparent background; every pixel is white, only its alpha varies. */
export function drawOutlineIcon(): Image {
  const size = 32;
  const star = starPolygon(0.46, 0.19);
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const at = (y * size + x) * 4;
      rgba.fill(255, at, at + 3);
      rgba[at + 3] = Math.round(255 * coverage(star, size, x, y));
    }
  }
  return { width: size, height: size, rgba };
}
