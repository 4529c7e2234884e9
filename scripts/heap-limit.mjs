// V8 heap limit for `astro build` (scripts/build-site.mjs), from the number of questions.
//
// A limit makes V8 collect garbage early: at 10,000 questions the build uses under 500 MB of heap
// but, unlimited, lets it grow past 1 GB, which pushed the peak memory over 2 GB (BENCHMARKS.md).
// The heap the build needs grows by roughly 35 MB per 1,000 questions (the data files read while
// pages render), so above 10,000 questions the limit grows with them instead of failing the build.

/** Limit (MB) for a build of `questions` questions. */
export function heapLimitMb(questions) {
  const base = 768;
  const perThousandAbove10k = 50;
  return base + Math.ceil((Math.max(0, questions - 10_000) / 1000) * perThousandAbove10k);
}

/** NODE_OPTIONS with the limit added (an explicit `--max-old-space-size` already there wins). */
export function withHeapLimit(nodeOptions, limitMb) {
  const current = nodeOptions ?? '';
  if (/--max-old-space-size[= ]/.test(current)) return current;
  return `${current} --max-old-space-size=${limitMb}`.trim();
}

// Run directly: `node scripts/heap-limit.mjs [QUESTIONS]` prints the limit for that many questions.
if (import.meta.url === `file://${process.argv[1]}`) {
  const USAGE = `Usage: node scripts/heap-limit.mjs [QUESTIONS]

Prints the V8 heap limit (MB) \`npm run build:site\` gives \`astro build\` for QUESTIONS questions
(default 0). The build scripts import this module.`;
  const [arg, extra] = process.argv.slice(2);
  if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  if ((arg !== undefined && !/^\d+$/.test(arg)) || extra !== undefined) {
    const bad = extra ?? arg;
    console.error(
      `error: ${bad.startsWith('-') ? `unknown option '${bad}'` : `QUESTIONS must be a whole number (got "${bad}")`}\n${USAGE}`,
    );
    process.exit(2);
  }
  console.log(heapLimitMb(Number(arg ?? 0)));
}
