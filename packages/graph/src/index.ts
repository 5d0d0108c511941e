// @seg/graph: method 1's superpixel graph (region adjacency, vertex features, Gaussian edge
// weights, normalised adjacency), GCN layers built with @seg/onnx, and area-ratio pseudo-labels.
export * from './region/label-map';
export * from './region/adjacency';
export * from './region/stats';
export * from './region/features';
export * from './region/standardize';
export * from './weights/distance';
export * from './weights/gaussian';
export * from './adjacency/normalize';
export * from './adjacency/matmul';
export * from './region-graph';
export * from './gcn/init';
export * from './gcn/activations';
export * from './gcn/adjacency-input';
export * from './gcn/layer';
export * from './gcn/model';
export * from './gcn/reference';
export * from './pseudo-labels/labels';
export * from './pseudo-labels/rank';
export * from './pseudo-labels/area-ratio';
export * from './pseudo-labels/area-weighted';
export * from './pseudo-labels/to-pixels';
export * from './synthetic/voronoi';
