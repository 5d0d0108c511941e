import { SingleBar } from 'cli-progress';
import type { EvaluationEvent, ProgressEvent } from '../trainer/types';

export interface ProgressReporter {
  onProgress(e: ProgressEvent): void;
  onEvaluate(e: EvaluationEvent): void;
  /** Ends the bar (call after the run, also on errors). */
  stop(): void;
}

const fmt = (v: number): string => (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toFixed(4) : v.toExponential(2));

/**
 * Training progress on stderr: a cli-progress bar on a TTY (loss, lr, metrics, speed, ETA);
 * elsewhere (CI logs, pipes) one plain line every `logEvery` steps and at the end.
 */
export function progressReporter(options: { stream?: NodeJS.WriteStream; logEvery?: number; label?: string } = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const label = options.label ?? 'train';
  const logEvery = options.logEvery ?? 50;
  let bar: SingleBar | null = null;
  const describe = (e: ProgressEvent): string => [
    `loss ${fmt(e.loss)}`, `lr ${fmt(e.lr)}`,
    ...(e.gradNorm !== undefined ? [`|g| ${fmt(e.gradNorm)}`] : []),
    ...Object.entries(e.metrics).map(([k, v]) => `${k} ${fmt(v)}`),
  ].join(' ');
  return {
    onProgress(e) {
      if (stream.isTTY) {
        if (!bar) {
          bar = new SingleBar({
            stream, format: `${label} [{bar}] {value}/{total} | {info} | {speed} it/s | eta {eta_formatted}`,
            hideCursor: true, barsize: 24,
          });
          bar.start(e.steps, e.step - 1, { info: '', speed: '0' });
        }
        bar.update(e.step, { info: describe(e), speed: e.stepsPerSecond.toFixed(1) });
      } else if (e.step % logEvery === 0 || e.step === e.steps) {
        stream.write(`${label} ${e.step}/${e.steps} ${describe(e)} ${e.stepsPerSecond.toFixed(1)} it/s\n`);
      }
    },
    onEvaluate(e) {
      const line = `${label} eval @${e.step}: ${Object.entries(e.metrics).map(([k, v]) => `${k} ${fmt(v)}`).join(' ')}${e.best ? ' (best)' : ` (best ${fmt(e.bestValue)} @${e.bestStep})`}`;
      // On a TTY, clear the bar's line first; the next update redraws the bar below.
      stream.write(bar ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
    stop() {
      if (bar) { bar.stop(); bar = null; }
    },
  };
}
