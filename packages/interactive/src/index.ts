export * from './clicks/click';
export * from './eval/click-simulator';
export * from './eval/metrics';
