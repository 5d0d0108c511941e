/** A user click in image pixel coordinates; `label` is the class (1 = object, 0 = background for two classes). */
export interface Click {
  x: number;
  y: number;
  label: number;
}

/** Checks clicks against the image size and class count; throws naming the offending click. */
export function validateClicks(clicks: readonly Click[], width: number, height: number, numClasses = 2): void {
  clicks.forEach((c, i) => {
    if (!Number.isFinite(c.x) || !Number.isFinite(c.y) || c.x < 0 || c.y < 0 || c.x > width - 1 || c.y > height - 1) {
      throw new Error(`click ${i} at (${c.x}, ${c.y}) is outside the ${width}x${height} image`);
    }
    if (!Number.isInteger(c.label) || c.label < 0 || c.label >= numClasses) {
      throw new Error(`click ${i} has label ${c.label}; expected an integer class in 0..${numClasses - 1}`);
    }
  });
}
