/**
 * Ray k of n points along theta_k = 2 pi k / n, direction (cos theta, sin theta) in image
 * coordinates (x right, y down): ray 0 points right, ray n/4 points down (clockwise on screen).
 */
export function rayAngles(n: number): Float64Array {
  checkRayCount(n);
  const a = new Float64Array(n);
  for (let k = 0; k < n; k++) a[k] = (2 * Math.PI * k) / n;
  return a;
}

export function checkRayCount(n: number): number {
  if (!Number.isInteger(n) || n < 3) throw new Error(`the number of rays must be an integer >= 3, got ${n}`);
  return n;
}
