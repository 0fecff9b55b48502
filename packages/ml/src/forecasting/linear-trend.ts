/** Least-squares line through (t, y_t) for t = 1..n: y ≈ intercept + slope·t. */
export function linearTrend(y: Float64Array): { intercept: number; slope: number } {
  const n = y.length;
  const meanT = (n + 1) / 2;
  let meanY = 0;
  for (let t = 0; t < n; t++) meanY += y[t];
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    const dt = t + 1 - meanT;
    sxy += dt * (y[t] - meanY);
    sxx += dt * dt;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: meanY - slope * meanT, slope };
}
