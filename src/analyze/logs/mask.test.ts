import { describe, it, expect } from 'vitest';
import { maskMessage, isHostname } from './mask.js';

describe('maskMessage', () => {
  it('masks numbers, ids, endpoints and paths the way the corrected Loghub templates do', () => {
    expect(maskMessage('PacketResponder 1 for block blk_-6952295868487656571 terminating')).toBe('PacketResponder <*> for block <*> terminating');
    expect(maskMessage('Receiving block blk_1 src: /10.250.19.102:54106 dest: /10.250.19.102:50010')).toBe('Receiving block <*> src: <*> dest: <*>');
    expect(maskMessage('generating core.2275')).toBe('generating core.<*>');
    expect(maskMessage('uid=0 euid=0 tty=ssh ruser= rhost=218.188.2.4')).toBe('uid=<*> euid=<*> tty=ssh ruser= rhost=<*>');
    expect(maskMessage('headroom=<memory:0, vCores:-27>')).toBe('headroom=<memory:<*>, vCores:<*>>');
    expect(maskMessage('Opened /var/log/app/x.log size 12ms')).toBe('Opened <*> size <*>');
    expect(maskMessage('setLightsOn(true)')).toBe('setLightsOn(<*>)');
    expect(maskMessage('at 2017-07-01 [12:34:56]')).toBe('at <*>-<*>-<*> [<*>:<*>:<*>]');
  });
  it('keeps short names with a numeric suffix, URLs and package names', () => {
    expect(maskMessage('en0: link up on awdl0 via ssh2')).toBe('en0: link up on awdl0 via ssh2');
    expect(maskMessage('see http://wiki.apache.org/hadoop/NoRouteToHost')).toBe('see http://wiki.apache.org/hadoop/NoRouteToHost');
    expect(maskMessage('Logging to org.mortbay.log')).toBe('Logging to org.mortbay.log');
  });
  it('masks hostnames, UUIDs and Kubernetes generated names', () => {
    expect(maskMessage('open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS')).toBe('open through proxy <*> HTTPS');
    expect(maskMessage('pod web-7d9f8c6b5-x2k4p restarted')).toBe('pod <*> restarted');
    expect(maskMessage('req 123e4567-e89b-12d3-a456-426614174000 done')).toBe('req <*>-<*>-<*>-<*>-<*> done');
    expect(isHostname('www.google.com')).toBe(true);
    expect(isHostname('org.apache.hadoop')).toBe(false);
    expect(isHostname('DAVEngineImpl.cpp')).toBe(false);
  });
  it('collapses whitespace runs and trims', () => {
    expect(maskMessage('  a   b\tc  ')).toBe('a b c');
    expect(maskMessage('')).toBe('');
  });
});

describe('maskMessage lists and hex words', () => {
  it('a list of four or more bare values is one variable; three stay', () => {
    expect(maskMessage('Supported channels 1 2 3 4 5 6 11')).toBe('Supported channels <*>');
    expect(maskMessage('BLOCK* ask 10.0.0.1:50010 to delete blk_1 blk_2 blk_3 blk_4')).toBe('BLOCK* ask <*> to delete <*>');
    expect(maskMessage('took 1 2 3 secs')).toBe('took <*> <*> <*> secs');
  });
  it('eight or more hex letters are a value', () => {
    expect(maskMessage('mask=ffffffff face')).toBe('mask=<*> face');
  });
  it('masking is blind to digit values (the shape cache relies on it), except names with short numeric suffixes', () => {
    const a = 'took 123ms at 10.0.0.1:80 id=0x1f req blk_-42';
    expect(maskMessage(a)).toBe(maskMessage(a.replace(/\d/g, '7')));
  });
});
