import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { UsageError } from './output';

export function buildProgram(): Command {
  const program = new Command('seg')
    .description('seg: build, train and run segmentation and detection models as ONNX graphs')
    .version('0.1.0')
    .showHelpAfterError();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the CLI; user errors print one line to stderr and exit 2, crashes exit 1. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`seg: ${(e as Error).message}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}
