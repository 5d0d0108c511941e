import { fillHoles } from './fill-holes';

/** Draws a mask from rows of '#' (object) and '.' (background). */
const draw = (rows: string[]): { mask: Uint8Array; w: number; h: number } => ({
  mask: Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0)), w: rows[0].length, h: rows.length,
});
const show = (m: Uint8Array, w: number): string[] => Array.from({ length: m.length / w }, (_, y) => Array.from(m.subarray(y * w, y * w + w), (v) => (v ? '#' : '.')).join(''));

describe('fillHoles', () => {
  it('fills enclosed background and keeps background that reaches the border', () => {
    const { mask, w, h } = draw([
      '.......',
      '.###...',
      '.#.#.##',
      '.###.#.',
      '.....##',
      '##.....',
      '.#.....',
    ]);
    expect(show(fillHoles(mask, w, h), w)).toEqual([
      '.......',
      '.###...',
      '.###.##',
      '.###.#.', // the notch at the right border stays open
      '.....##',
      '##.....',
      '.#.....', // the corner pixel touches the border
    ]);
  });

  it('treats diagonal gaps as closed (4-connected background), like scipy', () => {
    const { mask, w, h } = draw(['.#.', '#.#', '.#.']);
    expect(show(fillHoles(mask, w, h), w)).toEqual(['.#.', '###', '.#.']);
  });

  it('is idempotent, never removes object pixels and leaves the input alone', () => {
    const w = 40, h = 30;
    const mask = new Uint8Array(w * h);
    let s = 7;
    for (let i = 0; i < mask.length; i++) { s = (s * 1103515245 + 12345) % 2147483648; mask[i] = s % 3 === 0 ? 0 : 1; }
    const copy = mask.slice();
    const once = fillHoles(mask, w, h);
    expect(mask).toEqual(copy);
    for (let i = 0; i < mask.length; i++) expect(once[i]).toBeGreaterThanOrEqual(mask[i]);
    expect(fillHoles(once, w, h)).toEqual(once);
  });

  it('names a size mismatch', () => {
    expect(() => fillHoles(new Uint8Array(5), 2, 3)).toThrow(/mask has 5 pixels, expected 2x3 = 6/);
  });
});
