import type { Tensor } from '@seg/tensor';

/** One batch: tensors by the step graph's batch input names. */
export type Batch = Record<string, Tensor>;

/**
 * Where batches come from. A function of the step is the preferred form: the data order then
 * follows from seed + step alone, so a resumed run sees exactly the batches an uninterrupted run
 * would. An iterable is also accepted; on resume its first `step` batches are skipped, which is
 * exact only if the iterable replays the same sequence.
 */
export type DataSource = ((step: number) => Batch | Promise<Batch>) | Iterable<Batch> | AsyncIterable<Batch>;

/** A source normalised to "give me the batch of step k", called with k = start, start + 1, ... */
export type BatchReader = (step: number) => Promise<Batch>;

/** Reads batches by step; for an iterable, items before the first requested step are skipped. */
export function batchReader(source: DataSource): BatchReader {
  if (typeof source === 'function') return async (step) => source(step);
  const it = Symbol.asyncIterator in source
    ? (source as AsyncIterable<Batch>)[Symbol.asyncIterator]()
    : (source as Iterable<Batch>)[Symbol.iterator]();
  let position = 0;
  return async (step) => {
    if (step < position) throw new Error(`data source: an iterable cannot go back to step ${step} (it is at ${position})`);
    for (;;) {
      const r = await it.next();
      if (r.done) throw new Error(`data source: the iterable ended after ${position} batches, step ${step} needs more (use a function of the step for endless data)`);
      position++;
      if (position - 1 === step) return r.value;
    }
  };
}
