import type { MethodPlugin } from '../core/method-plugin';
import { interactivePlugin } from './interactive';
import { weakPlugin } from './weak';

/** Every method the server serves, registered by one explicit list. */
export const METHODS: MethodPlugin[] = [
  interactivePlugin(),
  weakPlugin(),
];
