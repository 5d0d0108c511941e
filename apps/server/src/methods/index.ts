import type { MethodPlugin } from '../core/method-plugin';
import { interactivePlugin } from './interactive';

/** Every method the server serves, registered by one explicit list. */
export const METHODS: MethodPlugin[] = [
  interactivePlugin(),
];
