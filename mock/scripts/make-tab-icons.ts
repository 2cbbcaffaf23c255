/**
 * Generates the weapp tab-bar icons (81×81 PNG, two states each) into src/assets/tab/.
 * The weapp tab bar needs local PNGs; drawing them from simple shapes keeps them tiny and
 * reproducible. Run: `npm run icons`. Colours: text-secondary #595959 and primary #C8161D.
 */
import fs from 'fs'
import path from 'path'
import { PNG } from 'pngjs'

const SIZE = 81
const SS = 4 // supersampling per axis for anti-aliased edges

type Shape = (x: number, y: number) => boolean // coordinates in 0..1

const inCircle = (cx: number, cy: number, r: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inRing = (cx: number, cy: number, r: number, w: number) => (x: number, y: number) => {
  const d = Math.hypot(x - cx, y - cy)
  return d <= r && d >= r - w
}
const inRect = (x0: number, y0: number, x1: number, y1: number) => (x: number, y: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inTriangle = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (x: number, y: number) => {
  const s = (px: number, py: number, qx: number, qy: number) => (x - qx) * (py - qy) - (px - qx) * (y - qy)
  const d1 = s(ax, ay, bx, by)
  const d2 = s(bx, by, cx, cy)
  const d3 = s(cx, cy, ax, ay)
  const neg = d1 < 0 || d2 < 0 || d3 < 0
  const pos = d1 > 0 || d2 > 0 || d3 > 0
  return !(neg && pos)
}
const nearSegment = (ax: number, ay: number, bx: number, by: number, w: number) => (x: number, y: number) => {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w / 2
}
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y))
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y)

const ICONS: Record<string, Shape> = {
  // a house: roof and body with a door
  home: minus(union(inTriangle(0.5, 0.12, 0.08, 0.5, 0.92, 0.5), inRect(0.2, 0.45, 0.8, 0.88)), inRect(0.42, 0.62, 0.58, 0.88)),
  // a map pin with a hole
  explore: minus(union(inCircle(0.5, 0.38, 0.28), inTriangle(0.26, 0.5, 0.74, 0.5, 0.5, 0.92)), inCircle(0.5, 0.38, 0.11)),
  // a ring with a check mark
  quiz: union(inRing(0.5, 0.5, 0.4, 0.08), nearSegment(0.3, 0.52, 0.45, 0.66, 0.09), nearSegment(0.45, 0.66, 0.72, 0.36, 0.09)),
  // a person: head and shoulders
  me: union(inCircle(0.5, 0.3, 0.17), minus(inCircle(0.5, 0.95, 0.4), inRect(0, 0.95, 1, 1)))
}

function draw(shape: Shape, rgb: [number, number, number]): Buffer {
  const png = new PNG({ width: SIZE, height: SIZE })
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) if (shape((px + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE)) hits++
      const i = (py * SIZE + px) * 4
      png.data[i] = rgb[0]
      png.data[i + 1] = rgb[1]
      png.data[i + 2] = rgb[2]
      png.data[i + 3] = Math.round((255 * hits) / (SS * SS))
    }
  }
  return PNG.sync.write(png, { colorType: 6 })
}

const outDir = path.resolve(__dirname, '../../src/assets/tab')
fs.mkdirSync(outDir, { recursive: true })
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [suffix, rgb] of [['', [0x59, 0x59, 0x59]], ['-active', [0xc8, 0x16, 0x1d]]] as const) {
    const file = path.join(outDir, `${name}${suffix}.png`)
    const buf = draw(shape, rgb as [number, number, number])
    fs.writeFileSync(file, buf)
    console.log(`${path.relative(process.cwd(), file)}  ${buf.length} B`)
  }
}
