// Preloaded with `node --require` when /usr/bin/time is missing: writes the process's own peak RSS and CPU
// time as JSON to the file named by SRD_BENCH_RUSAGE_FILE when it exits.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const target = process.env.SRD_BENCH_RUSAGE_FILE;
  if (!target) return;
  const usage = process.resourceUsage();
  // resourceUsage reports maxRSS in KiB and CPU times in microseconds.
  writeFileSync(target, JSON.stringify({ maxRssKiB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }));
});
