// Benchmarks of @seg/polar at 512x512, one thread: mask -> 36 rays and rays -> mask, with OpenCV
// timings of the same operations (cv2.findContours + numpy ray binning; cv2.fillPoly) from
// scripts/reference/polar.py as reference fields when /usr/bin/python3 has cv2.
import { measure, report } from '@seg/bench';
import { ReferenceTiming, runReference, withReference } from '@seg/bench/node';
import { encodePolarMask, Mask, maskToPolar, polarToMask } from '../src';

const SIZE = 512;
const RAYS = 36;

/** The synthetic shape scripts/reference/polar.py also draws: a wobbly disc with a notch cut into it. */
function blob(size: number): Mask {
  const data = new Uint8Array(size * size);
  const c = size / 2;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const t = Math.atan2(y - c, x - c);
    const r = size * (0.3 + 0.06 * Math.sin(5 * t) + 0.03 * Math.cos(11 * t));
    if (Math.hypot(x - c, y - c) < r) data[y * size + x] = 1;
  }
  for (let y = Math.trunc(c - size * 0.05); y < Math.trunc(c + size * 0.05); y++) for (let x = Math.trunc(c); x < size; x++) data[y * size + x] = 0;
  return { data, width: size, height: size };
}

/** Reference timings by name, from scripts/reference/polar.py (empty without cv2, numpy). */
async function references(): Promise<Map<string, ReferenceTiming>> {
  const rows = await runReference<ReferenceTiming>({ script: 'polar.py', modules: 'cv2, numpy', args: ['bench', '--size', String(SIZE), '--rays', String(RAYS)] });
  return new Map((rows ?? []).map((r) => [r.name, r]));
}

async function main(): Promise<void> {
  const mask = blob(SIZE);
  const refs = await references();
  const size = `${SIZE}x${SIZE} ${RAYS} rays`;
  const opts = { warmup: 3, runs: 30 };
  report(withReference(await measure('mask->rays', size, 1, () => maskToPolar(mask, { rays: RAYS, centre: 'mass' }), opts), refs.get('mask->rays')));
  report({ ...(await measure('mask->rays (best centre)', size, 1, () => maskToPolar(mask, { rays: RAYS }), { warmup: 1, runs: 10 })) });
  report({ ...(await measure('mask->rays (polarmask encoding)', size, 1, () => encodePolarMask(mask, RAYS), opts)) });
  const enc = maskToPolar(mask, { rays: RAYS, centre: 'mass' })!;
  const [cx, cy] = enc.centre;
  report(withReference(await measure('rays->mask', size, 1, () => polarToMask(cx, cy, enc.distances, SIZE, SIZE), { warmup: 10, runs: 100 }), refs.get('rays->mask')));
  report(withReference(await measure('rays->mask (opencv raster)', size, 1, () => polarToMask(cx, cy, enc.distances, SIZE, SIZE, { raster: 'opencv' }), { warmup: 10, runs: 100 }), refs.get('rays->mask')));
}

main().catch((e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
