import type { Command } from 'commander';
import { emit, log, UsageError } from '../output';
import { addWeakConfigFlags, num, stderrProgress, weakConfigFrom, WeakConfigFlags } from './weak-options';

interface EvalWeakFlags extends WeakConfigFlags {
  data?: string;
  labels?: string;
  train: string;
  methods: string;
  json?: boolean;
}

/** `seg eval` is a group: this finds it (another package may have made it) or makes it. */
function evalGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'eval') ?? program.command('eval').description('evaluate methods on the shared data sets');
}

/**
 * `seg eval weak`: method 1 on a seeded train/test split (default MoNuSeg, 24 training and 8 test
 * tiles): Dice, IoU, area-ratio error and training time of the area-ratio model, the full-mask
 * upper bound, Kervadec's size loss and Otsu on the haematoxylin channel.
 */
export function registerEvalWeak(program: Command): void {
  addWeakConfigFlags(evalGroup(program).command('weak')
    .description('method 1 (area ratios) vs full masks, size loss and Otsu on held-out images: Dice, IoU, ratio error, training time')
    .option('--data <dir>', 'data folder with images, masks and a ratio table (default: the shared MoNuSeg set)')
    .option('--labels <file>', 'ratio table (default ratios.csv/ratios.json/index.csv in --data)')
    .option('--train <n>', 'training images (count, or fraction in (0, 1)); the rest are evaluated', '24')
    .option('--methods <list>', 'comma-separated: area-ratio, full-mask, size-loss (Otsu is always reported)', 'area-ratio,full-mask,size-loss')
    .option('--json', 'print one JSON document on stdout'))
    .action(async (f: EvalWeakFlags) => {
      const { sharedPath } = await import('@seg/tensor/node');
      const data = f.data ?? sharedPath('data', 'monuseg');
      if (!data) throw new UsageError('no --data folder given and the shared MoNuSeg set (shared/data/monuseg) was not found');
      const train = num(f.train, '--train', (v) => (v > 0 && v < 1) || (Number.isInteger(v) && v >= 1), 'a count >= 1 or a fraction in (0, 1)');
      const { evaluateWeak, EVAL_METHODS } = await import('@seg/weak/node');
      const methods = f.methods.split(',').map((m) => m.trim()).filter(Boolean);
      for (const m of methods) if (!(EVAL_METHODS as string[]).includes(m)) throw new UsageError(`--methods: unknown '${m}'; expected ${EVAL_METHODS.join(', ')}`);
      const config = await weakConfigFrom(f);
      const threads = num(f.threads, '--threads', (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
      const bar = await stderrProgress('eval weak');
      let report;
      try {
        report = await evaluateWeak({
          data, labels: f.labels, train, seed: config.seed, methods: methods as never, config, threads,
          log: (m) => { bar.stop(); log(m); },
          onProgress: (method, p) => bar.update(p.step, p.total, `${method} ${p.stage}${p.loss !== undefined ? ` loss ${p.loss.toFixed(4)}` : ''}`),
        });
      } finally {
        bar.stop();
      }
      emit(report, f, (r: typeof report) => [
        `method 1 on ${r.data}: ${r.split.train.length} training / ${r.split.test.length} test images (seed ${r.split.seed})`,
        ...r.rows.map((x) => `${x.method.padEnd(34)} Dice ${x.dice.toFixed(3)}  IoU ${x.iou.toFixed(3)}  ratio MAE ${x.ratioMae.toFixed(3)}  train ${x.trainSeconds.toFixed(1)} s`),
      ].join('\n'));
    });
}
