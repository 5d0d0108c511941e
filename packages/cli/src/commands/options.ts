import { UsageError } from '../output';

/** Parses a numeric option, or a UsageError naming it. */
export function numberOption(s: string, what: string, check: (v: number) => boolean, expected: string): number {
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v) || !check(v)) throw new UsageError(`${what} must be ${expected}, got '${s}'`);
  return v;
}

/** The SLIC settings shared by `seg superpixels` and `seg eval superpixels`, as the CLI spells them. */
export interface SlicCliOptions {
  compactness: string;
  iterations: string;
  scale: string;
  subsample: string;
  minSizeFactor: string;
}

/** Parses the shared SLIC options, with a UsageError naming any bad one. */
export function parseSlicOptions(o: SlicCliOptions): { compactness: number; iterations: number; scale: number; subsample: number; minSizeFactor: number } {
  return {
    compactness: numberOption(o.compactness, '--compactness', (v) => v > 0, 'a number > 0'),
    iterations: numberOption(o.iterations, '--iterations', (v) => Number.isInteger(v) && v >= 1, 'an integer >= 1'),
    scale: numberOption(o.scale, '--scale', (v) => v > 0 && v <= 1, 'a number in (0, 1]'),
    subsample: numberOption(o.subsample, '--subsample', (v) => Number.isInteger(v) && v >= 1, 'an integer >= 1'),
    minSizeFactor: numberOption(o.minSizeFactor, '--min-size-factor', (v) => v >= 0 && v <= 1, 'a number in [0, 1]'),
  };
}
