/** The element with this id, or an Error naming it (the page and its script disagree). */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

/** `12.3 ms` below 10 ms, `123 ms` above, `1.2 s` from a second on. */
export function formatMs(v: number): string {
  if (v >= 1000) return `${(v / 1000).toFixed(1)} s`;
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
}
