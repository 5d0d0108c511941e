// Node-only entry point of @seg/graph (file formats through sharp and the filesystem).
export * from './read-label-map';
export * from './read-image';
