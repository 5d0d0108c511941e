/**
 * Output conventions of every seg command: with --json exactly one JSON document goes to stdout;
 * progress and logs always go to stderr, so stdout can be piped.
 */
export interface GlobalOptions { json?: boolean }

export function emit(result: unknown, options: GlobalOptions, human: (r: never) => string): void {
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${human(result as never)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A clear error for the user: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
