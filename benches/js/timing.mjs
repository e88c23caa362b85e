// Timing helpers shared by the benchmark scripts (row.mjs, tape.mjs).

/** The median of `xs` (the mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` (one batch) until `minMs` has passed; returns ms per batch. */
export function time(fn, minMs) {
  let n = 0;
  const start = performance.now();
  let now = start;
  do {
    fn();
    n++;
    now = performance.now();
  } while (now - start < minMs);
  return (now - start) / n;
}
