import type { Command } from 'commander';
import { emit, log, UsageError } from '../output';
import { numberOption, parseSlicOptions, SlicCliOptions } from './options';

interface SuperpixelsCommandOptions extends SlicCliOptions {
  segments: string;
  out?: string;
  labelFormat: string;
  overlay?: string;
  json?: boolean;
}

/**
 * `seg superpixels <image>`: SLIC superpixels (Achanta et al., TPAMI 2012) of one image, written as
 * a label PNG and/or a boundary overlay.
 */
export function registerSuperpixels(program: Command): void {
  program
    .command('superpixels')
    .description('SLIC superpixels of an image (CIE Lab): label map PNG, boundary overlay, timing')
    .argument('<image>', 'input image (PNG, JPEG, WebP, ...)')
    .option('--segments <n>', 'requested number of superpixels', '1024')
    .option('--compactness <m>', 'SLIC compactness m: weight of space against Lab colour distance', '10')
    .option('--iterations <n>', 'k-means iterations', '10')
    .option('--scale <f>', 'run SLIC on the image shrunk by this factor in (0, 1], then up-sample the labels', '1')
    .option('--subsample <s>', 'run all k-means iterations but the last on s x s block averages (1 = plain SLIC)', '2')
    .option('--min-size-factor <f>', 'merge fragments smaller than this fraction of the mean superpixel size', '0.25')
    .option('--out <labels.png>', 'write the label map as a PNG (see --label-format)')
    .option('--label-format <fmt>', "label PNG encoding: 'gray16' (16-bit grey, value = label) or 'rgb' (label = R + 256 G + 65536 B)", 'gray16')
    .option('--overlay <overlay.png>', 'write the image with superpixel boundaries drawn in yellow')
    .option('--json', 'print one JSON document on stdout')
    .action(async (imagePath: string, opts: SuperpixelsCommandOptions) => {
      const segments = numberOption(opts.segments, '--segments', (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
      const { compactness, iterations, scale, subsample, minSizeFactor } = parseSlicOptions(opts);
      const labelFormat = opts.labelFormat;
      if (labelFormat !== 'gray16' && labelFormat !== 'rgb') throw new UsageError(`--label-format must be gray16 or rgb, got '${labelFormat}'`);

      const sp = await import('@seg/superpixels');
      const spNode = await import('@seg/superpixels/node');
      const { readImage, writeImage } = await import('@seg/tensor/node');
      const decoded = await readImage(imagePath, { channels: 3 });
      const image = { data: decoded.data, width: decoded.width, height: decoded.height, channels: 3 as const };
      if (segments > image.width * image.height) {
        throw new UsageError(`--segments (${segments}) exceeds the image's ${image.width}x${image.height} = ${image.width * image.height} pixels`);
      }

      const t0 = performance.now();
      const map = sp.slicImage(image, { segments, compactness, iterations, scale, subsample, minSizeFactor });
      const ms = performance.now() - t0;
      log(`seg superpixels: ${map.count} superpixels in ${ms.toFixed(1)} ms (${image.width}x${image.height})`);

      if (opts.out) {
        if (labelFormat === 'gray16' && map.count > 65536) throw new UsageError(`${map.count} labels do not fit --label-format gray16; use rgb`);
        await spNode.writeLabelPng(opts.out, map, labelFormat);
      }
      if (opts.overlay) await writeImage(opts.overlay, sp.drawBoundaries(image, map.labels) as import('@seg/tensor').ImageU8);

      const result = {
        image: imagePath,
        width: image.width,
        height: image.height,
        segments_requested: segments,
        segments: map.count,
        ms: Math.round(ms * 1000) / 1000,
        compactness,
        iterations,
        scale,
        subsample,
        min_size_factor: minSizeFactor,
        out: opts.out ?? null,
        label_format: opts.out ? labelFormat : null,
        overlay: opts.overlay ?? null,
      };
      emit(result, opts, (r: typeof result) => [
        `${r.segments} superpixels (requested ${r.segments_requested}) of ${r.image} (${r.width}x${r.height}) in ${r.ms.toFixed(1)} ms`,
        ...(r.out ? [`labels: ${r.out} (${r.label_format})`] : []),
        ...(r.overlay ? [`overlay: ${r.overlay}`] : []),
      ].join('\n'));
    });
}
