/**
 * Runs one child process and measures its wall time and peak resident memory: with GNU time (`time -v`)
 * when /usr/bin/time exists, else with a preloaded hook that reports the child's own resource usage.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface Measurement {
  wallMs: number;
  maxRssMiB: number;
  userMs: number;
  systemMs: number;
  exitCode: number;
  stdout: string;
  /** The child's stderr without the measurement lines. */
  stderr: string;
  method: 'gnu-time' | 'resource-usage-hook';
}

/** Runs `node ...args` and measures it. Stdout is kept in memory, so commands should print little. */
export async function measureNode(args: readonly string[], cwd: string): Promise<Measurement> {
  if (existsSync(GNU_TIME)) return measureWithGnuTime(args, cwd);
  return measureWithHook(args, cwd);
}

async function measureWithGnuTime(args: readonly string[], cwd: string): Promise<Measurement> {
  const run = await runChild(GNU_TIME, ['-v', process.execPath, ...args], cwd, process.env);
  // GNU time appends its report to stderr, after the child's own output.
  const reportStart = run.stderr.lastIndexOf('\tCommand being timed:');
  const report = reportStart >= 0 ? run.stderr.slice(reportStart) : '';
  return {
    wallMs: run.wallMs,
    maxRssMiB: numberAfter(report, 'Maximum resident set size (kbytes):') / 1024,
    userMs: numberAfter(report, 'User time (seconds):') * 1000,
    systemMs: numberAfter(report, 'System time (seconds):') * 1000,
    exitCode: run.exitCode,
    stdout: run.stdout,
    stderr: reportStart >= 0 ? run.stderr.slice(0, reportStart) : run.stderr,
    method: 'gnu-time',
  };
}

async function measureWithHook(args: readonly string[], cwd: string): Promise<Measurement> {
  const folder = mkdtempSync(join(tmpdir(), 'srd-bench-'));
  const usageFile = join(folder, 'usage.json');
  const hook = resolve(import.meta.dirname, 'rusage-hook.cjs');
  try {
    const env = { ...process.env, SRD_BENCH_RUSAGE_FILE: usageFile };
    const run = await runChild(process.execPath, ['--require', hook, ...args], cwd, env);
    const usage = existsSync(usageFile)
      ? (JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKiB: number; userMs: number; systemMs: number })
      : { maxRssKiB: Number.NaN, userMs: Number.NaN, systemMs: Number.NaN };
    return {
      wallMs: run.wallMs,
      maxRssMiB: usage.maxRssKiB / 1024,
      userMs: usage.userMs,
      systemMs: usage.systemMs,
      exitCode: run.exitCode,
      stdout: run.stdout,
      stderr: run.stderr,
      method: 'resource-usage-hook',
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function numberAfter(report: string, label: string): number {
  const line = report.split('\n').find((text) => text.trim().startsWith(label));
  return line ? Number(line.trim().slice(label.length).trim()) : Number.NaN;
}

interface ChildRun {
  wallMs: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

function runChild(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ChildRun> {
  return new Promise((resolvePromise, rejectPromise) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (data: Buffer) => stdout.push(data));
    child.stderr.on('data', (data: Buffer) => stderr.push(data));
    child.on('error', rejectPromise);
    child.on('close', (code, signal) => {
      resolvePromise({
        wallMs: performance.now() - started,
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
