export { weakPlugin, WEAK_TRAIN_JOB, type WeakTrainParams } from './plugin';
export { storeDataset, datasetDir } from './datasets';
