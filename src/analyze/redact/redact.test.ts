import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRedactor, luhnValid, rrnValid } from './redact.js';

const fx = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const corpus = readFileSync(join(fx, 'pii-corpus.log'), 'utf8');
const planted = JSON.parse(readFileSync(join(fx, 'planted.json'), 'utf8')) as Array<[string, string]>;
const benign = JSON.parse(readFileSync(join(fx, 'benign.json'), 'utf8')) as string[];

describe('redaction corpus', () => {
  const r = createRedactor();
  const out = corpus.split('\n').map((l) => r.redact(l)).join('\n');

  it('leaves none of the planted PII', () => {
    for (const [, value] of planted) expect(out, value).not.toContain(value);
    expect(out).not.toMatch(/@example\.|hunter2|s3cr3t|4111 1111|eyJhbGci|&3\b/);
  });
  it('counts every planted value under its rule', () => {
    const want: Record<string, number> = {};
    for (const [rule] of planted) want[rule] = (want[rule] ?? 0) + 1;
    expect(r.counts).toEqual(want);
  });
  it('does not touch ordinary ids, timestamps, UUIDs, pod names, ports, IPs (IP rule off)', () => {
    for (const b of benign) expect(out, b).toContain(b);
  });
  it('redacts IPs only when asked', () => {
    const ip = createRedactor({ ip: true });
    expect(ip.redact('from 10.244.1.17:8080 and fe80::1ff:fe23:4567:890a, version 1.24.3')).toBe('from <ipv4>:8080 and <ipv6>, version 1.24.3');
    expect(ip.counts).toEqual({ ipv4: 1, ipv6: 1 });
  });
  it('runs only the configured rules and rejects unknown ones', () => {
    const onlyMail = createRedactor({ rules: ['email'] });
    expect(onlyMail.redact('a@b.com 010-1234-5678')).toBe('<email> 010-1234-5678');
    expect(() => createRedactor({ rules: ['nope' as never] })).toThrow(/unknown redaction rule/);
    const extra = createRedactor({ rules: [], extra: [{ name: 'emp', pattern: /EMP-\d{5}/g }] });
    expect(extra.redact('by EMP-12345')).toBe('by <emp>');
  });
});

describe('validators', () => {
  it('RRN checksum and date', () => {
    expect(rrnValid('900101-1234568')).toBe(true);
    expect(rrnValid('900101-1234567')).toBe(false); // wrong check digit
    expect(rrnValid('901301-1234568')).toBe(false); // month 13
  });
  it('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
  it('invalid checksums are not redacted', () => {
    const r = createRedactor();
    expect(r.redact('rrn 900101-1234567 card 4111 1111 1111 1112')).toBe('rrn 900101-1234567 card 4111 1111 1111 1112');
  });
});
