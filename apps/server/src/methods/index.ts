import type { MethodPlugin } from '../core/method-plugin';

/** Every method the server serves, registered by one explicit list. */
export const METHODS: MethodPlugin[] = [];
