/** Accounts and regions a generated export spreads over, like an organisation's aggregated findings. */
import type { Random } from './random';

export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'eu-north-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ca-central-1',
  'sa-east-1',
] as const;

/** Returns `count` distinct 12-digit account ids drawn from the generator. */
export function makeAccounts(random: Random, count: number): string[] {
  const accounts = new Set<string>();
  while (accounts.size < count) accounts.add(String(random.int(100_000_000_000, 999_999_999_999)));
  return [...accounts];
}

/** Returns an ISO 8601 time between 2024-01-01 and 2025-06-30, with milliseconds. */
export function isoTime(random: Random): string {
  const start = Date.UTC(2024, 0, 1);
  const end = Date.UTC(2025, 5, 30);
  return new Date(start + Math.floor(random.next() * (end - start))).toISOString();
}

/** Returns an ISO time up to 30 days after `time`. */
export function laterTime(random: Random, time: string): string {
  return new Date(Date.parse(time) + random.int(0, 30 * 24 * 3600) * 1000).toISOString();
}
