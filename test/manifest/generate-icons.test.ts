import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { drawColorIcon, drawOutlineIcon, ICON_SIZES } from "../../manifest/generate-icons";

const manifestDir = join(__dirname, "..", "..", "manifest");

/** Width and height from the PNG's IHDR chunk (bytes 16–23), read straight from the file. */
function pngHeaderSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.ok(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} is a PNG`);
  assert.equal(bytes.subarray(12, 16).toString("ascii"), "IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) out.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  return out;
}

describe("Teams app icons", () => {
  it("has a 192×192 colour icon", () => {
    assert.deepEqual(pngHeaderSize(join(manifestDir, "color.png")), { width: 192, height: 192 });
  });

  it("has a 32×32 outline icon", () => {
    assert.deepEqual(pngHeaderSize(join(manifestDir, "outline.png")), { width: 32, height: 32 });
  });

  it("draws the outline icon white on transparent only, as Teams requires", () => {
    const px = pixels(PNG.sync.read(readFileSync(join(manifestDir, "outline.png"))));
    const visible = px.filter((p) => p.a > 0);
    assert.ok(visible.every((p) => p.r === 255 && p.g === 255 && p.b === 255), "every visible pixel is white");
    assert.ok(px.some((p) => p.a === 0), "has transparent background");
    assert.ok(visible.length > 0, "has a glyph");
  });

  it("draws the colour icon fully opaque", () => {
    const px = pixels(PNG.sync.read(readFileSync(join(manifestDir, "color.png"))));
    assert.ok(px.every((p) => p.a === 255));
  });

  it("keeps the committed icons in step with the generator (run npm run icons after changing it)", () => {
    for (const [file, draw] of [["color.png", drawColorIcon], ["outline.png", drawOutlineIcon]] as const) {
      const committed = PNG.sync.read(readFileSync(join(manifestDir, file)));
      const drawn = draw();
      assert.equal(drawn.width, file === "color.png" ? ICON_SIZES.color : ICON_SIZES.outline);
      assert.ok(committed.data.equals(drawn.data), `${file} matches a fresh drawing`);
    }
  });
});
