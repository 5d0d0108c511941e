// @seg/weak: method 1, weakly supervised segmentation from area ratios (issue 6): per-pixel
// colour/stain features, SLIC superpixels, a GCN over the superpixel graph trained with area-ratio
// pseudo-labels refreshed every epoch (cold start from an explicit prior), pixel-level refinement
// by a small FCN, and the baselines (full masks, Kervadec's size loss, Otsu on haematoxylin).
export * from './color/stain-deconvolution';
export * from './threshold/otsu';
export * from './data/split';
export * from './features/gaussian-blur';
export * from './features/pixel-features';
export * from './features/otsu-normalize';
export * from './prior/cold-start';
export * from './superpixel/tile-superpixels';
export * from './gcn/tile-graph';
export * from './gcn/gcn-model';
export * from './gcn/gcn-trainer';
export * from './labels/vertex-labels';
export * from './labels/pixel-labels';
export * from './losses/size-constraint';
export * from './pixel/pixel-fcn';
export * from './pixel/pixel-input';
export * from './pixel/pixel-trainer';
export * from './engine/step-runner';
export * from './metrics/dice';
export * from './baselines/otsu-haematoxylin';
export * from './model/weak-model';
export * from './pipeline/config';
export * from './pipeline/standardize';
export * from './pipeline/calibrate-threshold';
export * from './pipeline/train-weak';
export * from './pipeline/predict-weak';
export * from './pipeline/prediction-detail';
export * from './synthetic/blobs';
export * from './synthetic/tiny-config';
export * from './labels/rank-blend';
export * from './gcn/fcn-branch';
export * from './postprocess/fill-holes';
