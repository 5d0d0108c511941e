import type { Command } from 'commander';
import * as os from 'os';
import { emit } from '../output';

/** `seg info`: versions, execution providers usable here, thread count. */
export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('versions, execution providers usable on this machine, thread count')
    .option('--json', 'print one JSON document on stdout')
    .action(async (opts: { json?: boolean }) => {
      const { probeCuda, onnxruntimeNodeVersion } = await import('@seg/runtime/node');
      const cuda = await probeCuda();
      const info = {
        seg: '0.1.0',
        node: process.version,
        onnxruntime_node: onnxruntimeNodeVersion(),
        platform: `${os.platform()}-${os.arch()}`,
        cpus: os.cpus().length,
        default_threads: os.cpus().length,
        execution_providers: { cpu: { usable: true }, cuda: cuda === null ? { usable: true } : { usable: false, reason: cuda } },
      };
      emit(info, opts, (r: typeof info) => [
        `seg ${r.seg} on node ${r.node} (${r.platform}), onnxruntime-node ${r.onnxruntime_node}`,
        `threads: ${r.default_threads} (of ${r.cpus} CPUs)`,
        `execution providers: cpu${r.execution_providers.cuda.usable ? ', cuda' : ` (cuda unavailable: ${(r.execution_providers.cuda as { reason: string }).reason})`}`,
      ].join('\n'));
    });
}
