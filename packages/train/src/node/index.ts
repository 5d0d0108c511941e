// Node-only entry point of @seg/train: checkpoint files, the terminal progress bar, node sessions.
export * from './checkpoint-files';
export * from './progress-bar';
export * from './step-session';
