/** The facts a benchmark record needs about the machine it ran on. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** 1-minute load average when the benchmark started. Other work on the machine skews the numbers. */
  loadAverage: number;
}

export function describeMachine(): Machine {
  return {
    cpuModel: cpuModelName(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}

/** Returns the `model name` line of /proc/cpuinfo (Linux), else the model Node reports. */
function cpuModelName(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // Not Linux: fall through to Node's own report.
  }
  return cpus()[0]?.model ?? 'unknown';
}
