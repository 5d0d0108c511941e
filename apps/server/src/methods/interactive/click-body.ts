import type { Click } from '@seg/interactive';
import { badRequest } from '../../core/errors';

/** Clicks one session may hold; more is almost certainly a client bug and would grow training cost. */
export const MAX_CLICKS = 200;

const LABELS: Record<string, number> = { foreground: 1, fg: 1, object: 1, positive: 1, background: 0, bg: 0, negative: 0 };

/** One click from JSON: {x, y, label} with label 1/0 or 'foreground'/'background'; errors name the click. */
export function parseClick(v: unknown, index: number, width: number, height: number): Click {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badRequest(`click ${index} must be an object {x, y, label}, got ${JSON.stringify(v)}`);
  const { x, y, label } = v as Record<string, unknown>;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw badRequest(`click ${index} needs numeric x and y in image pixels, got x=${JSON.stringify(x)}, y=${JSON.stringify(y)}`);
  }
  if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
    throw badRequest(`click ${index} at (${x}, ${y}) is outside the ${width}x${height} image (x in 0..${width - 1}, y in 0..${height - 1})`);
  }
  const l = typeof label === 'string' && label.toLowerCase() in LABELS ? LABELS[label.toLowerCase()] : label;
  if (l !== 0 && l !== 1) throw badRequest(`click ${index} has label ${JSON.stringify(label)}; expected 1 (foreground) or 0 (background)`);
  return { x, y, label: l };
}

/** A body holding one click ({x, y, label}) or several ({clicks: [...]}). */
export function parseClickBody(body: unknown, width: number, height: number, options: { single: boolean }): Click[] {
  if (typeof body !== 'object' || body === null) throw badRequest('send a JSON body: {"clicks": [{"x": .., "y": .., "label": 1}]}' + (options.single ? ' or one click {"x": .., "y": .., "label": 1}' : ''));
  const b = body as Record<string, unknown>;
  if ('clicks' in b) {
    if (!Array.isArray(b.clicks)) throw badRequest(`'clicks' must be an array of {x, y, label}, got ${typeof b.clicks}`);
    return b.clicks.map((c, i) => parseClick(c, i, width, height));
  }
  if (options.single) return [parseClick(b, 0, width, height)];
  throw badRequest("the body needs 'clicks': an array of {x, y, label} (an empty array clears the clicks)");
}

export function checkClickCount(n: number): void {
  if (n > MAX_CLICKS) throw badRequest(`a session holds at most ${MAX_CLICKS} clicks; this request would make ${n}`);
}
