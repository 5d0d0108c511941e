/**
 * Runs async tasks one at a time, in arrival order. The segmenters keep per-image state between
 * `setFeatures` and `predict`, so two requests must never interleave on one of them.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Tasks queued or running. */
  get pending(): number { return this.waiting; }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task, task);
    // The chain continues whether the task succeeded or failed.
    this.tail = result.then(() => undefined, () => undefined).finally(() => { this.waiting--; });
    return result;
  }
}
