// Median of repeated benchmark runs: reads the one-line JSON reports of delivery-bench.mjs (or any
// script printing one JSON object per line) on stdin and prints one object with, for every numeric
// field, the median over the runs (nested objects such as sendLatencyMs included), plus `runs`.
//
//   for i in 1 2 3; do node delivery-bench.mjs --rate 500 --via socket; done | node median.mjs
import { createInterface } from 'node:readline';

const runs = [];
for await (const line of createInterface({ input: process.stdin })) {
  const text = line.trim();
  if (!text.startsWith('{')) continue; // progress output of the runs themselves
  try {
    runs.push(JSON.parse(text));
  } catch {
    // not a report line
  }
}
if (runs.length === 0) {
  console.error('median.mjs: no JSON report lines on stdin');
  process.exit(1);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 100) / 100;
}

function merge(objects) {
  const out = {};
  const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  for (const key of keys) {
    // A count missing from one run (an error kind it did not see) counted as 0 there.
    const values = objects.map((o) => (key in o ? o[key] : 0));
    if (values.every((v) => typeof v === 'number')) out[key] = median(values);
    else if (values.every((v) => v && typeof v === 'object' && !Array.isArray(v))) out[key] = merge(values);
    else out[key] = values.every((v) => JSON.stringify(v) === JSON.stringify(values[0])) ? values[0] : values;
  }
  return out;
}

console.log(JSON.stringify({ runs: runs.length, ...merge(runs) }));
