// Browser entry point: images from/to ImageData, <img>, ImageBitmap and canvases. Never imports
// sharp or fs (the node entry has the sharp codecs).
export * from './image-data';
export * from './image-source';
