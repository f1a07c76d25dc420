import { describe, it, expect } from 'vitest';
import { compileFormat, detectFormat } from './header.js';

describe('compileFormat', () => {
  it('parses Loghub format strings, with and without regex syntax', () => {
    const hdfs = compileFormat('<Date> <Time> <Pid> <Level> <Component>: <Content>');
    expect(hdfs.parse('081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block x terminating')).toEqual({
      fields: { Date: '081109', Time: '203615', Pid: '148', Level: 'INFO', Component: 'dfs.DataNode$PacketResponder' },
      message: 'PacketResponder 1 for block x terminating',
    });
    expect(hdfs.messageOf('081109 203615 148 INFO a: b: c')).toBe('b: c');
    expect(hdfs.parse('garbage')).toBeUndefined();
    const mac = compileFormat('<Month>  <Date> <Time> <User> <Component>\\[<PID>\\]( \\(<Address>\\))?: <Content>');
    expect(mac.parse('Jul  1 09:00:55 calvisitor kernel[0]: ARPT: 620701.011328: AirPort')?.message).toBe('ARPT: 620701.011328: AirPort');
    expect(mac.parse('Jul  1 09:01:05 calvisitor com.apple.CDScheduler[43] (x.y): hi')?.fields.Address).toBe('x.y');
    expect(() => compileFormat('<Date> <Time>')).toThrow(/Content/);
  });
  it('the literal scanner agrees with the regex', () => {
    const p = compileFormat('\\[<Time>\\] <Program> - <Content>');
    expect(p.parse('[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open - x')).toEqual({
      fields: { Time: '10.30 16:49:06', Program: 'chrome.exe' },
      message: 'proxy.cse.cuhk.edu.hk:5070 open - x',
    });
  });
  it('detects common formats and declines unknown ones', () => {
    const p = detectFormat(['2024-01-02T03:04:05.678Z ERROR [db] connection refused', '2024-01-02T03:04:06Z INFO [db] ok']);
    expect(p?.parse('2024-01-02T03:04:05.678Z ERROR [db] connection refused')?.fields.Level).toBe('ERROR');
    expect(detectFormat(['hello world', 'another line'])).toBeUndefined();
  });
});
