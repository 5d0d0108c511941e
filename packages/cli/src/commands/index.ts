import type { Command } from 'commander';
import { registerInfo } from './info';

/**
 * Every `seg` command, registered by one explicit list. A package adds its command as
 * `src/commands/<name>.ts` exporting `register<Name>(program)` and one line here.
 */
export const COMMANDS: ((program: Command) => void)[] = [
  registerInfo,
];
