import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMetricCsv } from './csv.js';
import { readOpenMetrics, writeOpenMetrics } from './openmetrics.js';
import { parseTimestamp } from './timestamp.js';

const fx = (f: string) => readFileSync(join(import.meta.dirname, '__fixtures__', f), 'utf8');

describe('timestamps', () => {
  it('reads NAB, RFC 3339 and epoch forms; rejects junk and impossible dates', () => {
    expect(parseTimestamp('2015-02-26 21:42:53')).toBe(Date.UTC(2015, 1, 26, 21, 42, 53));
    expect(parseTimestamp('2014-04-10 16:15:00.000000')).toBe(Date.UTC(2014, 3, 10, 16, 15));
    expect(parseTimestamp('2024-01-01T01:00:00+01:00')).toBe(Date.UTC(2024, 0, 1));
    expect(parseTimestamp('1704067200')).toBe(1704067200000);
    expect(parseTimestamp('1704067200000')).toBe(1704067200000);
    expect(parseTimestamp('2021-02-30 00:00:00')).toBeNaN();
    expect(parseTimestamp('yesterday')).toBeNaN();
  });
});

describe('CSV reader', () => {
  it('reads good rows, reports bad ones with line numbers, keeps going', () => {
    const r = readMetricCsv(fx('bad-rows.csv'), 'bad-rows.csv');
    expect(Array.from(r.series[0].values)).toEqual([1.5, 2, NaN, 4.25, 5]);
    expect(r.problems.map((p) => p.where)).toEqual(['bad-rows.csv:4', 'bad-rows.csv:5', 'bad-rows.csv:6']);
    expect(r.problems[0].message).toMatch(/bad timestamp/);
    expect(r.problems[1].message).toMatch(/bad value "abc"/);
    expect(r.problems[2].message).toMatch(/columns/);
  });

  it('keeps bad rows as NaN when asked, so that each data row has a score', () => {
    const r = readMetricCsv(fx('bad-rows.csv'), 'bad-rows.csv', { keepBadRows: true });
    expect(r.series[0].values.length).toBe(8);
    expect(r.problems.length).toBe(3);
  });

  it('reads a file without a header, and names the metric from the header or file', () => {
    const r = readMetricCsv('2024-01-01 00:00:00,1\n2024-01-01 00:01:00,2\n', 'x.csv');
    expect(Array.from(r.series[0].values)).toEqual([1, 2]);
    expect(r.problems[0].message).toMatch(/no header/);
    expect(readMetricCsv('time,cpu\n2024-01-01 00:00:00,1\n', 'y.csv').series[0].metric).toBe('cpu');
    expect(readMetricCsv('timestamp,value\n', 'dir/z.csv').series[0].metric).toBe('z');
  });

  it('reports an empty file and a missing value column', () => {
    expect(readMetricCsv('', 'e.csv').problems[0].message).toBe('empty file');
    expect(readMetricCsv('timestamp,a\n1,2\n', 'f.csv', { valueColumn: 'b' }).problems[0].message).toMatch(/no column "b"/);
  });
});

describe('OpenMetrics reader', () => {
  it('groups samples into series by name and label set, sorted by time', () => {
    const r = readOpenMetrics(fx('scrape.om'), 'scrape.om', { defaultTime: 42_000 });
    const ok = r.series.find((s) => s.metric === 'http_requests_total' && s.labels.code === '200')!;
    expect(Array.from(ok.timestamps)).toEqual([1704067200000, 1704067230000, 1704067260500]);
    expect(Array.from(ok.values)).toEqual([100, 130, 160]);
    expect(r.series.find((s) => s.labels.code === '500')!.values[0]).toBe(3);
    const cpu = r.series.find((s) => s.metric === 'cpu_usage')!;
    expect(cpu.labels.path).toBe('C:\\tmp "x"');
    expect(cpu.values[0]).toBeNaN();
    const up = r.series.find((s) => s.metric === 'up')!;
    expect(up.timestamps[0]).toBe(42_000);
  });

  it('reports bad lines with their line numbers and keeps going', () => {
    const r = readOpenMetrics(fx('scrape.om'), 'scrape.om');
    expect(r.problems.map((p) => p.where)).toEqual(['scrape.om:7', 'scrape.om:9', 'scrape.om:11']);
    expect(r.problems[2].message).toMatch(/bad timestamp/);
    expect(r.series.length).toBe(4);
  });

  it('writes what it reads (round trip), counters with _total samples', () => {
    const r = readOpenMetrics(fx('scrape.om'), 'scrape.om', { metrics: ['http_requests_total'] });
    const text = writeOpenMetrics(r.series, { http_requests_total: 'counter' });
    expect(text).toMatch(/^# TYPE http_requests counter\n/);
    expect(text.endsWith('# EOF\n')).toBe(true);
    const back = readOpenMetrics(text, 'w.om');
    expect(back.problems).toEqual([]);
    expect(back.series.map((s) => Array.from(s.values))).toEqual(r.series.map((s) => Array.from(s.values)));
  });
});

describe('readMetricCsv on awkward CSVs (bad input sweep)', () => {
  it('finds the time column by name when it is not first, instead of reading values as timestamps', () => {
    const r = readMetricCsv('value,timestamp\n7,1700000000\n8,1700000060\n', 's.csv');
    expect(Array.from(r.series[0].timestamps)).toEqual([1700000000_000, 1700000060_000]);
    expect(Array.from(r.series[0].values)).toEqual([7, 8]);
    const h = readMetricCsv('host,time,value\na,1700000000,3\n', 'h.csv');
    expect(Array.from(h.series[0].values)).toEqual([3]);
  });

  it('reports a header without data rows', () => {
    expect(readMetricCsv('timestamp,value\n', 'h.csv').problems).toEqual([{ where: 'h.csv', message: 'no data rows after the header' }]);
  });
});
