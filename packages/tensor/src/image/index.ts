// 8-bit HWC images and float maps: conversion to/from normalised NCHW, resize, crop, pad, masks.
// Pure TypeScript on typed arrays, usable in node and the browser (codecs live in the node/browser entries).
export * from './image';
export * from './normalize';
export * from './resize';
export * from './crop';
export * from './pad';
export * from './mask';
