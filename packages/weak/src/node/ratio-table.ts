import { parse } from 'csv-parse/sync';

/** One training/evaluation image of method 1: its file, the area ratio of the target region, and optional extras. */
export interface RatioEntry {
  /** Image path as written in the table (relative to the data folder unless absolute). */
  image: string;
  /** Fraction of the image's pixels that belong to the target region, in [0, 1]. */
  ratio: number;
  /** Estimated error e of the ratio (pseudo-labels leave a band of width 2e unlabelled); undefined = the run's default. */
  error?: number;
  /** Ground-truth mask path, for evaluation only. */
  mask?: string;
}

/** Accepted column names (first match wins), so that e.g. MoNuSeg's index.csv reads as is. */
export const RATIO_COLUMNS = {
  image: ['image', 'file', 'filename', 'path'],
  ratio: ['ratio', 'area_ratio', 'area_fraction', 'nuclei_area_fraction', 'fraction'],
  error: ['error', 'error_margin', 'margin', 'ratio_error'],
  mask: ['mask', 'mask_binary', 'mask_path'],
} as const;

type Field = keyof typeof RATIO_COLUMNS;

function pick(row: Record<string, unknown>, field: Field): { key: string; value: unknown } | undefined {
  for (const key of RATIO_COLUMNS[field]) if (key in row) return { key, value: row[key] };
  return undefined;
}

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? NaN : Number(v.trim());
  return NaN;
}

/** Checks one row (an object of column -> value) and makes an entry; `where` names it in errors. */
function entryOf(row: Record<string, unknown>, where: string, columns: Set<string>): RatioEntry {
  const img = pick(row, 'image');
  if (!img || blank(img.value)) throw new Error(`${where}: missing image path (column ${RATIO_COLUMNS.image.map((c) => `'${c}'`).join(' or ')})`);
  const image = String(img.value).trim();
  const at = `${where} (${image})`;
  const r = pick(row, 'ratio');
  if (!r || blank(r.value)) {
    const named = RATIO_COLUMNS.ratio.find((c) => columns.has(c));
    throw new Error(`${at}: missing area ratio${named ? ` in column '${named}'` : `; expected a column ${RATIO_COLUMNS.ratio.map((c) => `'${c}'`).join(', ')}`}`);
  }
  const ratio = toNumber(r.value);
  if (!Number.isFinite(ratio)) throw new Error(`${at}: area ratio '${String(r.value)}' is not a number`);
  if (ratio < 0 || ratio > 1) throw new Error(`${at}: area ratio ${ratio} is outside [0, 1] (a fraction of the image's pixels)`);
  const entry: RatioEntry = { image, ratio };
  const e = pick(row, 'error');
  if (e && !blank(e.value)) {
    const error = toNumber(e.value);
    if (!Number.isFinite(error) || error < 0 || error > 0.5) throw new Error(`${at}: error margin '${String(e.value)}' must be a number in [0, 0.5]`);
    entry.error = error;
  }
  const m = pick(row, 'mask');
  if (m && !blank(m.value)) entry.mask = String(m.value).trim();
  return entry;
}

function checkUnique(entries: RatioEntry[], what: string): RatioEntry[] {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.image)) throw new Error(`${what}: image '${e.image}' is listed twice`);
    seen.add(e.image);
  }
  if (entries.length === 0) throw new Error(`${what}: no images listed`);
  return entries;
}

/**
 * Parses a CSV ratio table: a header row, then one row per image with at least an image column
 * and a ratio column (see RATIO_COLUMNS), optionally an error margin and a mask path.
 */
export function parseRatioCsv(text: string, what = 'ratio table'): RatioEntry[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (e) {
    throw new Error(`${what}: not valid CSV (${(e as Error).message})`);
  }
  const columns = new Set(rows.length ? Object.keys(rows[0]) : []);
  if (rows.length && !RATIO_COLUMNS.ratio.some((c) => columns.has(c))) {
    throw new Error(`${what}: no area ratio column; expected one of ${RATIO_COLUMNS.ratio.join(', ')} (got ${[...columns].join(', ')})`);
  }
  // Row numbers as a user counts them in the file: the header is row 1.
  return checkUnique(rows.map((row, i) => entryOf(row, `${what} row ${i + 2}`, columns)), what);
}

/**
 * Parses a JSON ratio table: an array of objects (`[{"image": "a.png", "ratio": 0.2, "error": 0.02}]`),
 * or an object mapping image -> ratio or image -> {ratio, error, mask}.
 */
export function parseRatioJson(text: string, what = 'ratio table'): RatioEntry[] {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) { throw new Error(`${what}: not valid JSON (${(e as Error).message})`); }
  let rows: Record<string, unknown>[];
  if (Array.isArray(doc)) {
    rows = doc.map((r, i) => {
      if (r === null || typeof r !== 'object') throw new Error(`${what} item ${i}: expected an object with image and ratio, got ${JSON.stringify(r)}`);
      return r as Record<string, unknown>;
    });
  } else if (doc !== null && typeof doc === 'object') {
    rows = Object.entries(doc as Record<string, unknown>).map(([image, v]) => (v !== null && typeof v === 'object' ? { image, ...(v as object) } : { image, ratio: v }));
  } else {
    throw new Error(`${what}: expected an array of {image, ratio} objects or an object of image -> ratio`);
  }
  return checkUnique(rows.map((row, i) => entryOf(row, `${what} item ${i}`, new Set(Object.keys(row)))), what);
}

/** Parses by file name: `.json` as JSON, anything else as CSV. */
export function parseRatioTable(text: string, fileName: string): RatioEntry[] {
  return fileName.toLowerCase().endsWith('.json') ? parseRatioJson(text, fileName) : parseRatioCsv(text, fileName);
}
