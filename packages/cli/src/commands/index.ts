import type { Command } from 'commander';
import { registerInfo } from './info';
import { registerGraph } from './graph';
import { registerSuperpixels } from './superpixels';
import { registerEvalSuperpixels } from './eval-superpixels';
import { registerEvalPolar } from './eval-polar';
import { registerBackbone } from './backbone';
import { registerWeak } from './weak';
import { registerEvalWeak } from './eval-weak';
import { registerInteractive } from './interactive';
import { registerEvalInteractive } from './eval-interactive';

/**
 * Every `seg` command, registered by one explicit list. A package adds its command as
 * `src/commands/<name>.ts` exporting `register<Name>(program)` and one line here.
 */
export const COMMANDS: ((program: Command) => void)[] = [
  registerInfo,
  registerGraph,
  registerSuperpixels,
  registerEvalSuperpixels,
  registerEvalPolar,
  registerBackbone,
  registerWeak,
  registerEvalWeak,
  registerInteractive,
  registerEvalInteractive,
];
