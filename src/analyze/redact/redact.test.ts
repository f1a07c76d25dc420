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

describe('URL user-info', () => {
  it('redacts the user name and the password as user-info, never as an e-mail', () => {
    const r = createRedactor();
    expect(r.redact('push https://12345@host.example.com/repo')).toBe('push https://<url-user>@host.example.com/repo');
    expect(r.redact('db postgres://app:secret@db:5432/x up')).toBe('db postgres://<url-user>:<url-password>@db:5432/x up');
    expect(r.redact('cache redis://:pw9@cache:6379/0')).toBe('cache redis://:<url-password>@cache:6379/0');
    expect(r.redact('ldap://cn=admin:pw@ldap.example.org/')).toBe('ldap://<url-user>:<url-password>@ldap.example.org/');
    expect(r.counts).toEqual({ 'url-user': 3, 'url-password': 3 });
  });
  it('leaves URLs without user-info alone; an address in a query is still an e-mail', () => {
    const r = createRedactor();
    const plain = 'GET https://cdn.example.org/pkg/@scope/name?v=2 and http://db-0:5432/health';
    expect(r.redact(plain)).toBe(plain);
    expect(r.redact('GET https://shop.example.org/u?mail=kim@example.com')).toBe('GET https://shop.example.org/u?mail=<email>');
    expect(r.counts).toEqual({ email: 1 });
  });
});

describe('gates', () => {
  // Random lines rich in digits, separators and PII fragments: gated and ungated redaction must agree.
  function fuzzLines(n: number): string[] {
    let seed = 42;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000);
    const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
    const bits = ['0', '1', '01', '010', '82', '+82 ', '+1 ', '-', ' ', '.', '_', 'x', '@', ':', '/', 'a', '2', '5', '9', '123', '4111', '900101', '1234568', '8503152123450',
      'rrn ', 'jumin:', 'card ', ' 1111', '-1234-', '5678', '02-345-6789', '010-1234-5678', '01098765432', '4111 1111 1111 1111', '5500-0000-0000-0004', '378282246310005',
      'https://', 'u:p', '@h.com', 'kim@example.com', 'password=', 'api_key: "', 'Secret = ', "'pwd'\t:", 'x-api-key:', 'AUTH_TOKEN=', '"token" : ', 'passwd', '=', 'token=ab12cd34ef', 'eyJhbGciOi', 'Bearer ', 'abcDEF123456ghi', '+44 20 7946 0958', '10.0.0.1', 'fe80::1'];
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let l = '';
      const k = 1 + Math.floor(rnd() * 12);
      for (let j = 0; j < k; j++) l += pick(bits);
      out.push(l);
    }
    return out;
  }
  it('never change the output (fuzz + corpus, IP rules on)', () => {
    const lines = [...fuzzLines(30_000), ...corpus.split('\n')];
    const gated = createRedactor({ ip: true });
    const all = createRedactor({ ip: true, noGates: true });
    for (const l of lines) expect(gated.redact(l), l).toBe(all.redact(l));
    expect(gated.counts).toEqual(all.counts);
    expect(Object.keys(gated.counts).length).toBeGreaterThanOrEqual(10);
  });
});
