// Node-only entry of @seg/weak: data folders, model files, training/evaluation on folders.
export * from './ratio-table';
export * from './dataset';
export * from './model-files';
export * from './sessions';
export * from './train-folder';
export * from './evaluate';
