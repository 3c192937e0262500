import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";

/** Teams' icon rules: colour 192×192 (any colours), outline 32×32 white on transparent. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;
/** The manifest's accentColor; the colour icon's background. */
export const ACCENT_RGB = [0x1f, 0x3a, 0x5f] as const;

type Point = { x: number; y: number };

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const abx = b.x - a.x;
  const aby = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * abx + (p.y - a.y) * aby) / (abx * abx + aby * aby)));
  return Math.hypot(p.x - (a.x + t * abx), p.y - (a.y + t * aby));
}

/**
 * The glyph, a watch face with two hands, in unit coordinates (-1..1, y down). Drawn from geometry rather than
 * shipped as artwork so both icons always agree and can be regenerated at any size.
 */
function inGlyph(p: Point): boolean {
  const r = Math.hypot(p.x, p.y);
  const centre = { x: 0, y: 0 };
  return (
    (r >= 0.74 && r <= 0.96) ||
    distanceToSegment(p, centre, { x: 0, y: -0.52 }) <= 0.09 ||
    distanceToSegment(p, centre, { x: 0.4, y: 0.16 }) <= 0.09
  );
}

/** Fraction of a pixel covered by the glyph, by 4×4 supersampling, so edges are smooth at 32 px. */
function coverage(px: number, py: number, size: number, glyphSize: number): number {
  const samples = 4;
  let hits = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = ((px + (sx + 0.5) / samples - size / 2) / glyphSize) * 2;
      const y = ((py + (sy + 0.5) / samples - size / 2) / glyphSize) * 2;
      if (inGlyph({ x, y })) hits++;
    }
  }
  return hits / (samples * samples);
}

/** Colour icon: the white glyph on the accent colour, 96 px across with 48 px padding so Teams can crop it to a circle. */
export function drawColorIcon(): PNG {
  const size = ICON_SIZES.color;
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, 96);
      const i = (y * size + x) * 4;
      ACCENT_RGB.forEach((channel, k) => (png.data[i + k] = Math.round(channel + (255 - channel) * c)));
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** Outline icon: pure white glyph, transparency everywhere else (Teams rejects other colours). */
export function drawOutlineIcon(): PNG {
  const size = ICON_SIZES.outline;
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * coverage(x, y, size, 30));
    }
  }
  return png;
}

/** Writes manifest/color.png and manifest/outline.png (committed; rerun after changing the glyph). */
export function writeIcons(dir: string): void {
  writeFileSync(join(dir, "color.png"), PNG.sync.write(drawColorIcon(), { colorType: 6 }));
  writeFileSync(join(dir, "outline.png"), PNG.sync.write(drawOutlineIcon(), { colorType: 6 }));
}

if (require.main === module) {
  writeIcons(__dirname);
  process.stdout.write(`Wrote ${join(__dirname, "color.png")} and ${join(__dirname, "outline.png")}\n`);
}
