export * from './overlap';
export * from './boundary-recall';
export * from './undersegmentation-error';
export * from './achievable-segmentation-accuracy';
export * from './explained-variation';
export * from './score';
