// Image tensors (HWC uint8 <-> NCHW float), resize, crop and pad: filled in by the image module.
export {};
