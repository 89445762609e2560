// Small statistics helpers for the bench: percentiles and formatting.

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "n/a");
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
export const ratio = (a, b) => (b > 0 ? a / b : NaN);
export const fmtRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "n/a");

export const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));
