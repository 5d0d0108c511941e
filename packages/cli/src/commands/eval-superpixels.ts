import type { Command } from 'commander';
import { spawn, spawnSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { emit, log, UsageError } from '../output';
import { numberOption, parseSlicOptions, SlicCliOptions } from './options';

interface EvalSuperpixelsOptions extends SlicCliOptions {
  data?: string;
  segments: string;
  tolerance: string;
  limit?: string;
  reference: boolean;
  referenceMatched?: boolean;
  json?: boolean;
}

/** Mean metrics over images for one segment count. */
interface Row {
  segments: number;
  boundary_recall: number;
  undersegmentation_error: number;
  achievable_segmentation_accuracy: number;
  explained_variation: number;
  ms: number;
}

const PYTHON = '/usr/bin/python3';

class Mean {
  private sums: Record<string, number> = {};
  private n = 0;
  add(values: Record<string, number>): void {
    for (const [k, v] of Object.entries(values)) this.sums[k] = (this.sums[k] ?? 0) + v;
    this.n++;
  }
  row(): Row {
    const r = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
    const m = (k: string) => (this.sums[k] ?? 0) / Math.max(1, this.n);
    return {
      segments: r(m('segments'), 1),
      boundary_recall: r(m('boundary_recall')),
      undersegmentation_error: r(m('undersegmentation_error')),
      achievable_segmentation_accuracy: r(m('achievable_segmentation_accuracy')),
      explained_variation: r(m('explained_variation')),
      ms: r(m('ms'), 2),
    };
  }
}

/** The scikit-image version /usr/bin/python3 has, or null (then the reference is skipped). */
function skimageVersion(): string | null {
  if (!existsSync(PYTHON)) return null;
  const r = spawnSync(PYTHON, ['-c', 'import skimage; print(skimage.__version__)'], { encoding: 'utf8', timeout: 60000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Runs scripts/reference/slic.py and returns its JSON; its progress lines go to stderr. */
function runReference(script: string, args: string[]): Promise<{ ms: Record<string, number[]>; segments: Record<string, number[]> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${script} exited with ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      else {
        try { resolve(JSON.parse(out)); } catch (e) { reject(new Error(`${script} printed no JSON: ${(e as Error).message}`)); }
      }
    });
  });
}

/** `seg eval` is a group: this finds it (another package may have made it) or makes it. */
function evalGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'eval')
    ?? program.command('eval').description('evaluate methods on the shared data sets');
}

/**
 * `seg eval superpixels`: SLIC on BSDS500 scored with boundary recall, undersegmentation error,
 * achievable segmentation accuracy and explained variation, per segment count; scikit-image's
 * slic is run on the same pixels and scored by the same TypeScript metrics when
 * /usr/bin/python3 has skimage.
 */
export function registerEvalSuperpixels(program: Command): void {
  evalGroup(program)
    .command('superpixels')
    .description('SLIC on BSDS500: boundary recall, undersegmentation error, ASA, explained variation, ms per image (scikit-image side by side when available)')
    .option('--data <dir>', 'BSDS500 folder (images/, segmentation_png/); default: the shared data/bsds500')
    .option('--segments <list>', 'comma-separated requested superpixel counts', '256,1024,4096')
    .option('--compactness <m>', 'SLIC compactness (both implementations)', '10')
    .option('--iterations <n>', 'k-means iterations (both implementations)', '10')
    .option('--scale <f>', 'run SLIC on the image shrunk by this factor (ours only)', '1')
    .option('--subsample <s>', 'run all k-means iterations but the last on s x s block averages (ours only; 1 = plain SLIC)', '2')
    .option('--min-size-factor <f>', 'fragment merge threshold (ours; scikit-image keeps its 0.5)', '0.25')
    .option('--tolerance <px>', 'boundary recall tolerance in pixels', '2')
    .option('--limit <n>', 'only the first n images (sorted by id)')
    .option('--no-reference', 'skip scikit-image even when it is installed')
    .option('--reference-matched', 'also run scikit-image with n_segments scaled so its mean count matches ours')
    .option('--json', 'print one JSON document on stdout')
    .action(async (opts: EvalSuperpixelsOptions) => {
      const segmentList = opts.segments.split(',').map((s) => numberOption(s, '--segments', (v) => Number.isInteger(v) && v >= 1, 'a comma-separated list of positive integers'));
      const { compactness, iterations, scale, subsample, minSizeFactor } = parseSlicOptions(opts);
      const tolerance = numberOption(opts.tolerance, '--tolerance', (v) => Number.isInteger(v) && v >= 0, 'an integer >= 0');
      const limit = opts.limit === undefined ? Infinity : numberOption(opts.limit, '--limit', (v) => Number.isInteger(v) && v >= 1, 'a positive integer');

      const { sharedPath, repoRoot, writeNpy, readNpy } = await import('@seg/tensor/node');
      const { Tensor } = await import('@seg/tensor');
      const sp = await import('@seg/superpixels');
      const { listBsds500, readBsds500Sample } = await import('@seg/superpixels/node');
      const data = opts.data ?? sharedPath('data', 'bsds500');
      if (!data) throw new UsageError('no BSDS500 folder: pass --data <dir> (the shared data/bsds500 was not found)');
      if (!existsSync(data)) throw new UsageError(`--data ${data} does not exist`);
      const ids = (await listBsds500(data)).slice(0, limit);

      const skimage = opts.reference ? skimageVersion() : null;
      const referenceNote = !opts.reference ? 'skipped (--no-reference)' : skimage ? `scikit-image ${skimage} slic` : `skipped (${PYTHON} has no skimage)`;
      const tmp = skimage ? await fs.mkdtemp(path.join(os.tmpdir(), 'seg-eval-sp-')) : null;
      try {
        // Ours: every image and segment count, scored as it goes; images saved for the reference.
        const ours = segmentList.map(() => new Mean());
        const samples: { id: string; width: number; height: number; gts: Int32Array[]; image: import('@seg/superpixels').Image8 }[] = [];
        let annotators = 0;
        for (const [n, id] of ids.entries()) {
          const sample = await readBsds500Sample(data, id);
          const { image, groundTruths } = sample;
          annotators += groundTruths.length;
          for (const [j, segments] of segmentList.entries()) {
            const t0 = performance.now();
            const map = sp.slicImage(image, { segments, compactness, iterations, scale, subsample, minSizeFactor });
            const ms = performance.now() - t0;
            const s = sp.scoreSuperpixels(map.labels, image.width, image.height, groundTruths, image, tolerance);
            ours[j].add({ segments: s.segments, boundary_recall: s.boundaryRecall, undersegmentation_error: s.undersegmentationError, achievable_segmentation_accuracy: s.achievableSegmentationAccuracy, explained_variation: s.explainedVariation, ms });
          }
          if (tmp) {
            await writeNpy(path.join(tmp, `${id}.npy`), new Tensor('uint8', [image.height, image.width, 3], Uint8Array.from(image.data)));
            samples.push({ id, width: image.width, height: image.height, gts: groundTruths, image });
          }
          log(`seg eval superpixels: ${n + 1}/${ids.length} ${id}`);
        }
        const rows = ours.map((m) => m.row());

        // The reference: scikit-image labels for the same pixels, scored by the same metrics.
        const scoreReference = async (scaleSegments: number[]): Promise<Row[]> => {
          const script = path.join(repoRoot(), 'scripts', 'reference', 'slic.py');
          const list = path.join(tmp!, 'images.txt');
          await fs.writeFile(list, samples.map((s) => `${s.id} ${path.join(tmp!, `${s.id}.npy`)}`).join('\n'));
          const result: Row[] = [];
          for (const [j, segments] of segmentList.entries()) {
            const out = path.join(tmp!, `labels-${segments}-${scaleSegments[j]}`);
            await fs.mkdir(out, { recursive: true });
            log(`seg eval superpixels: scikit-image slic, ${segments} segments${scaleSegments[j] !== 1 ? ` x ${scaleSegments[j].toFixed(3)}` : ''}`);
            const ref = await runReference(script, ['label', '--images', list, '--out', out, '--segments', String(segments),
              '--compactness', String(compactness), '--iterations', String(iterations), '--scale-segments', String(scaleSegments[j])]);
            const mean = new Mean();
            for (const [i, s] of samples.entries()) {
              const t = await readNpy(path.join(out, `${s.id}_${segments}.npy`));
              const labels = sp.compactLabels(t.data as Int32Array).labels;
              const sc = sp.scoreSuperpixels(labels, s.width, s.height, s.gts, s.image, tolerance);
              mean.add({ segments: sc.segments, boundary_recall: sc.boundaryRecall, undersegmentation_error: sc.undersegmentationError, achievable_segmentation_accuracy: sc.achievableSegmentationAccuracy, explained_variation: sc.explainedVariation, ms: ref.ms[String(segments)][i] });
            }
            result.push(mean.row());
          }
          return result;
        };
        let reference: Row[] | null = null;
        let matched: Row[] | null = null;
        if (tmp) {
          reference = await scoreReference(segmentList.map(() => 1));
          if (opts.referenceMatched) matched = await scoreReference(rows.map((r, j) => r.segments / reference![j].segments));
        }

        const result = {
          data,
          images: ids.length,
          annotators_per_image: Math.round((annotators / Math.max(1, ids.length)) * 100) / 100,
          parameters: { compactness, iterations, scale, subsample, min_size_factor: minSizeFactor, boundary_tolerance_px: tolerance },
          metrics: 'per image: mean over annotators of boundary recall (GT boundary pixels with a superpixel boundary within the tolerance, Chebyshev), undersegmentation error (Neubert & Protzel corrected: sum over GT segments and overlapping superpixels of min(inside, outside) / N), ASA; explained variation on RGB; then the mean over images. ms: wall time of the SLIC call per image.',
          reference: referenceNote,
          results: segmentList.map((segments_requested, j) => ({
            segments_requested,
            ...rows[j],
            ...(reference ? { reference: reference[j] } : {}),
            ...(matched ? { reference_matched: matched[j] } : {}),
          })),
        };
        emit(result, opts, (r: typeof result) => {
          const fmt = (x: Row) => `${String(x.segments).padStart(7)} ${x.boundary_recall.toFixed(4)} ${x.undersegmentation_error.toFixed(4)} ${x.achievable_segmentation_accuracy.toFixed(4)} ${x.explained_variation.toFixed(4)} ${x.ms.toFixed(1).padStart(8)}`;
          const lines = [`BSDS500 ${r.images} images (${r.data}); reference: ${r.reference}`, 'K requested | impl    | segments BR     UE     ASA    EV     ms/image'];
          for (const x of r.results) {
            lines.push(`${String(x.segments_requested).padStart(11)} | seg     | ${fmt(x)}`);
            if ('reference' in x && x.reference) lines.push(`${''.padStart(11)} | skimage | ${fmt(x.reference as Row)}`);
            if ('reference_matched' in x && x.reference_matched) lines.push(`${''.padStart(11)} | sk-match| ${fmt(x.reference_matched as Row)}`);
          }
          return lines.join('\n');
        });
      } finally {
        if (tmp) await fs.rm(tmp, { recursive: true, force: true });
      }
    });
}
