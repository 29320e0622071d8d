import { describe, expect, it } from 'vitest';
import { lookup, severityWord } from './lookup';
import { eventDetail, listUnder, recordedTimestamp, recordsOf, unwrapRecorded } from './wrappers';

describe('unwrapRecorded', () => {
  it('returns the data of a placebo recording', () => {
    expect(unwrapRecorded({ status_code: 200, data: { Findings: [] } })).toEqual({ Findings: [] });
  });

  it('keeps other values as they are', () => {
    const page = { Findings: [], data: { x: 1 } };
    expect(unwrapRecorded(page)).toBe(page);
    expect(unwrapRecorded([1])).toEqual([1]);
    expect(unwrapRecorded({ status_code: '200', data: {} })).toEqual({ status_code: '200', data: {} });
  });
});

describe('recordedTimestamp', () => {
  it('reads placebo datetimes as UTC', () => {
    const value = { __class__: 'datetime', year: 2018, month: 7, day: 11, hour: 8, minute: 20, second: 23, microsecond: 955000 };
    expect(recordedTimestamp(value)).toBe('2018-07-11T08:20:23.955Z');
  });

  it('rejects placebo datetimes with text parts', () => {
    expect(recordedTimestamp({ __class__: 'datetime', year: '2018', month: 7, day: 11 })).toBeNull();
  });

  it('reads ISO text and epoch seconds', () => {
    expect(recordedTimestamp('2020-05-26T22:21:48.385Z')).toBe('2020-05-26T22:21:48.385Z');
    expect(recordedTimestamp(1450314645.261)).toBe('2015-12-17T01:10:45.261Z');
  });
});

describe('listUnder', () => {
  it('finds a list inside a recording', () => {
    expect(listUnder({ status_code: 200, data: { findings: [1, 2] } }, 'findings')).toEqual([1, 2]);
  });

  it('returns null without the list', () => {
    expect(listUnder({ findings: {} }, 'findings')).toBeNull();
  });
});

describe('eventDetail', () => {
  it('returns the detail of a matching source', () => {
    expect(eventDetail({ source: 'aws.guardduty', detail: { id: 'x' } }, 'aws.guardduty')).toEqual({ id: 'x' });
  });

  it('ignores other sources', () => {
    expect(eventDetail({ source: 'aws.securityhub', detail: { id: 'x' } }, 'aws.guardduty')).toBeNull();
  });
});

describe('lookup', () => {
  const table: Record<string, string> = { pass: 'passed' };

  it('reads own keys', () => {
    expect(lookup(table, 'pass')).toBe('passed');
  });

  it('ignores inherited keys', () => {
    expect(lookup(table, 'constructor')).toBeUndefined();
    expect(lookup(table, '__proto__')).toBeUndefined();
    expect(lookup(table, null)).toBeUndefined();
  });
});

describe('severityWord', () => {
  it('maps tool words', () => {
    expect(severityWord('Danger')).toBe('high');
    expect(severityWord('UNTRIAGED')).toBe('informational');
  });

  it('rejects inherited keys', () => {
    expect(severityWord('constructor')).toBeNull();
    expect(severityWord('toString')).toBeNull();
  });
});

describe('recordsOf', () => {
  it('flattens arrays and expands values', () => {
    expect(recordsOf([[1, 2], 3], (value) => [value, value])).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('stops at the limit', () => {
    expect(recordsOf([[1, 2, 3]], (value) => [value], 2)).toEqual([1, 2]);
  });

  it('handles lists of 300 000 records', () => {
    const page = { Findings: Array.from({ length: 300_000 }, (_, index) => index) };
    expect(recordsOf([page], (value) => (value as typeof page).Findings)).toHaveLength(300_000);
  });
});
