import type { Command } from 'commander';
import { spawn, spawnSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { emit, log, UsageError } from '../output';

interface EvalPolarOptions {
  data?: string;
  rays: string;
  encoding: string;
  centre: string;
  limit?: string;
  perMask?: boolean;
  reference: boolean;
  json?: boolean;
}

interface Row {
  encoding: string;
  centre: string;
  rays: number;
  mean_iou: number;
  min_iou: number;
  per_sequence: Record<string, number>;
  ms_per_mask: number;
  per_mask?: number[];
}

const PYTHON = '/usr/bin/python3';
const ENCODINGS = ['exact', 'polarmask'] as const;
const CENTRES = ['best', 'mass', 'peak', 'centroid'] as const;
const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

/** `seg eval` is a group: this finds it (another package may have made it) or makes it. */
function evalGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'eval')
    ?? program.command('eval').description('evaluate methods on the shared data sets');
}

/** Mask PNGs under a DAVIS folder (Annotations/480p/<seq>/*.png), a folder of sequences, or a flat folder. */
async function listMasks(data: string): Promise<string[]> {
  const davis = path.join(data, 'Annotations', '480p');
  const root = existsSync(davis) ? davis : data;
  const out: string[] = [];
  for (const entry of (await fs.readdir(root, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(root, entry.name);
    if (entry.isDirectory()) {
      for (const f of (await fs.readdir(p)).sort()) if (f.toLowerCase().endsWith('.png')) out.push(path.join(p, f));
    } else if (entry.name.toLowerCase().endsWith('.png')) out.push(p);
  }
  return out;
}

function hasCv2(): string | null {
  if (!existsSync(PYTHON)) return null;
  const r = spawnSync(PYTHON, ['-c', 'import cv2; print(cv2.__version__)'], { encoding: 'utf8', timeout: 60000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

function runJson(args: string[]): Promise<{ files: string[]; iou: Record<string, number[]> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${args[0]} exited with ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      else { try { resolve(JSON.parse(out)); } catch (e) { reject(new Error(`${args[0]} printed no JSON: ${(e as Error).message}`)); } }
    });
  });
}

function parseList<T extends string>(s: string, what: string, known: readonly T[]): T[] {
  const items = s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);
  for (const x of items) if (!known.includes(x as T)) throw new UsageError(`${what}: unknown '${x}'; expected ${known.join(', ')}`);
  if (items.length === 0) throw new UsageError(`${what} is empty`);
  return items as T[];
}

/**
 * `seg eval polar`: how well n polar rays represent real object masks (PolarMask, Xie et al.,
 * CVPR 2020): each ground-truth mask is encoded as rays, decoded back to a mask and compared by IoU.
 * 'exact' is seg's encoding (exact pixel-edge boundary and ray intersections, IoU-maximising
 * centre); 'polarmask' reproduces PolarMask's own target encoding and OpenCV decoding.
 */
export function registerEvalPolar(program: Command): void {
  evalGroup(program)
    .command('polar')
    .description('mean IoU of masks reconstructed from n polar rays (PolarMask), seg\'s exact encoding vs PolarMask\'s, on DAVIS masks')
    .option('--data <dir>', 'DAVIS folder (Annotations/480p/<seq>/*.png) or a folder of mask PNGs; default: the shared data/davis2016')
    .option('--rays <list>', 'comma-separated ray counts', '18,36,72')
    .option('--encoding <list>', `comma-separated encodings: ${ENCODINGS.join(', ')}`, 'exact,polarmask')
    .option('--centre <choice>', `ray centre of the exact encoding: ${CENTRES.join(', ')}`, 'best')
    .option('--limit <n>', 'only the first n masks')
    .option('--per-mask', 'include every mask\'s IoU in the JSON')
    .option('--no-reference', 'skip the OpenCV run of PolarMask\'s encoding (scripts/reference/polar.py) even when cv2 is installed')
    .option('--json', 'print one JSON document on stdout')
    .action(async (opts: EvalPolarOptions) => {
      const rays = opts.rays.split(',').map((s) => {
        const v = Number(s);
        if (s.trim() === '' || !Number.isInteger(v) || v < 3) throw new UsageError(`--rays must be a comma-separated list of integers >= 3, got '${opts.rays}'`);
        return v;
      });
      const encodings = parseList(opts.encoding, '--encoding', ENCODINGS);
      const [centre] = parseList(opts.centre, '--centre', CENTRES);
      if (encodings.includes('polarmask')) {
        for (const n of rays) if (360 % n !== 0 || n % 2 !== 0) throw new UsageError(`--rays ${n}: the polarmask encoding needs an even ray count dividing 360 (18, 36, 72, ...)`);
      }
      let limit = Infinity;
      if (opts.limit !== undefined) {
        limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer, got '${opts.limit}'`);
      }

      const { sharedPath, readImage, repoRoot } = await import('@seg/tensor/node');
      const { imageToMask } = await import('@seg/tensor');
      const polar = await import('@seg/polar');
      const data = opts.data ?? sharedPath('data', 'davis2016');
      if (!data) throw new UsageError('no mask folder: pass --data <dir> (the shared data/davis2016 was not found)');
      if (!existsSync(data)) throw new UsageError(`--data ${data} does not exist`);
      const files = (await listMasks(data)).slice(0, limit);
      if (files.length === 0) throw new UsageError(`no mask PNGs found under ${data}`);
      const root = existsSync(path.join(data, 'Annotations', '480p')) ? path.join(data, 'Annotations', '480p') : data;
      const seqOf = (f: string) => (path.dirname(f) === root ? '.' : path.basename(path.dirname(f)));

      // Step 1: decode every mask once (nonzero at >= 128, the midpoint of 0/255 masks).
      log(`seg eval polar: ${files.length} masks from ${root}`);
      const masks: { file: string; seq: string; mask: import('@seg/polar').Mask }[] = [];
      for (const file of files) {
        const img = await readImage(file);
        const t = imageToMask(img, 128);
        masks.push({ file, seq: seqOf(file), mask: { data: t.data as Uint8Array, width: img.width, height: img.height } });
      }

      // Step 2: encode, decode and score, per encoding and ray count.
      const results: Row[] = [];
      const allIous = new Map<string, number[]>();
      for (const encoding of encodings) {
        for (const n of rays) {
          const ious: number[] = [];
          const t0 = performance.now();
          for (const m of masks) {
            const r = polar.reconstruct(m.mask, { encoding, rays: n, centre: encoding === 'exact' ? centre : undefined });
            ious.push(r ? r.iou : 1);
          }
          const ms = (performance.now() - t0) / masks.length;
          const bySeq: Record<string, number[]> = {};
          masks.forEach((m, i) => { (bySeq[m.seq] ??= []).push(ious[i]); });
          const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
          const row: Row = {
            encoding, centre: encoding === 'exact' ? centre : 'polarmask (truncated area centroid)', rays: n,
            mean_iou: round(mean(ious)), min_iou: round(Math.min(...ious)),
            per_sequence: Object.fromEntries(Object.entries(bySeq).map(([k, v]) => [k, round(mean(v))])),
            ms_per_mask: round(ms, 2),
          };
          if (opts.perMask) row.per_mask = ious.map((v) => round(v, 6));
          allIous.set(`${encoding}/${n}`, ious);
          results.push(row);
          log(`  ${encoding.padEnd(9)} ${String(n).padStart(3)} rays: mean IoU ${row.mean_iou.toFixed(4)} (${row.ms_per_mask} ms/mask)`);
        }
      }

      // Step 3: PolarMask's encoding run by OpenCV itself, when available, to show the match.
      let reference: Record<string, unknown> | { skipped: string } = { skipped: '--no-reference' };
      if (opts.reference && encodings.includes('polarmask')) {
        const cv2 = hasCv2();
        const canRun = cv2 && opts.limit === undefined && files.every((f) => seqOf(f) !== '.');
        if (!cv2) reference = { skipped: `${PYTHON} has no cv2` };
        else if (!canRun) reference = { skipped: 'needs the full folder of sequences (no --limit)' };
        else {
          log(`  running scripts/reference/polar.py with OpenCV ${cv2} ...`);
          const script = path.join(repoRoot(), 'scripts', 'reference', 'polar.py');
          const ref = await runJson([script, 'davis', root, '--rays', rays.join(',')]);
          const perRays: Record<string, unknown> = {};
          for (const n of rays) {
            const theirs = ref.iou[String(n)];
            const ours = results.find((r) => r.encoding === 'polarmask' && r.rays === n)!;
            const oursAll = allIous.get(`polarmask/${n}`)!;
            let maxDiff = 0, differ = 0;
            oursAll.forEach((v, i) => { const d = Math.abs(v - theirs[i]); maxDiff = Math.max(maxDiff, d); if (d > 1e-9) differ++; });
            perRays[String(n)] = {
              opencv_mean_iou: round(theirs.reduce((s, v) => s + v, 0) / theirs.length),
              seg_mean_iou: ours.mean_iou,
              masks_differing: differ,
              max_abs_diff: Number(maxDiff.toExponential(2)),
            };
          }
          reference = { impl: `OpenCV ${cv2} (scripts/reference/polar.py)`, rays: perRays };
        }
      } else if (!encodings.includes('polarmask')) reference = { skipped: 'polarmask encoding not requested' };

      const result = {
        data: root,
        masks: masks.length,
        sequences: Object.fromEntries(Object.entries(masks.reduce<Record<string, number>>((a, m) => { a[m.seq] = (a[m.seq] ?? 0) + 1; return a; }, {}))),
        rays,
        results,
        reference,
      };
      emit(result, opts, (r: typeof result) => {
        const lines = [`${r.masks} masks (${Object.entries(r.sequences).map(([k, v]) => `${k} ${v}`).join(', ')})`, 'encoding   centre     rays  mean IoU  min IoU  ms/mask'];
        for (const row of r.results) lines.push(`${row.encoding.padEnd(10)} ${(row.encoding === 'exact' ? row.centre : 'polarmask').padEnd(10)} ${String(row.rays).padStart(4)}  ${row.mean_iou.toFixed(4).padStart(8)}  ${row.min_iou.toFixed(4).padStart(7)}  ${String(row.ms_per_mask).padStart(7)}`);
        lines.push(`reference: ${JSON.stringify(r.reference)}`);
        return lines.join('\n');
      });
    });
}
