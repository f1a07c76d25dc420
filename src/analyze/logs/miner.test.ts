import { describe, it, expect } from 'vitest';
import { TemplateMiner, generalize, templateId } from './miner.js';

describe('TemplateMiner', () => {
  it('groups lines by masked shape and merges high-cardinality word columns', () => {
    const m = new TemplateMiner();
    const users = ['alice', 'bob', 'carol', 'dave'];
    const ids = users.map((u, i) => m.add(`Invalid user ${u} from 10.0.0.${i}`));
    const other = m.add('Connection closed by 10.0.0.9 [preauth]');
    m.merge();
    expect(new Set(ids.map((i) => m.groupOf(i))).size).toBe(1);
    expect(m.templateOf(ids[0])).toBe('Invalid user <*> from <*>');
    expect(m.templateOf(other)).toBe('Connection closed by <*> [preauth]');
  });
  it('keeps columns that vary together apart (state transitions) and one-word messages apart', () => {
    const m = new TemplateMiner();
    const a = m.add('task_1 Transitioned from NEW to SCHEDULED');
    const b = m.add('task_2 Transitioned from SCHEDULED to RUNNING');
    const c = m.add('task_3 Transitioned from RUNNING to SUCCEEDED');
    const w = ['suspendAutohide', 'cancelAutohide', 'schedulePeek'].map((x) => m.add(x));
    m.merge();
    expect(new Set([a, b, c].map((i) => m.groupOf(i))).size).toBe(3);
    expect(new Set(w.map((i) => m.groupOf(i))).size).toBe(3);
  });
  it('merges again as more lines arrive', () => {
    const m = new TemplateMiner();
    const first = m.add('user=alice logged in');
    m.merge();
    expect(m.templateOf(first)).toBe('user=alice logged in');
    m.add('user=bob logged in');
    m.add('user=carol logged in');
    m.merge();
    expect(m.templateOf(first)).toBe('user=<*> logged in');
    expect(m.list()[0]).toMatchObject({ template: 'user=<*> logged in', count: 3, id: templateId('user=<*> logged in') });
  });
  it('generalize keeps delimiter-bounded ends only', () => {
    expect(generalize(['user=root', 'user=test'])).toBe('user=<*>');
    expect(generalize(['chrome.exe', 'svchost.exe'])).toBe('<*>');
    expect(generalize(['[a]', '[bb]'])).toBe('[<*>]');
  });
  it('the line-shape cache keeps shapes that keep digits apart (en0 vs en1)', () => {
    const m = new TemplateMiner();
    const a1 = m.add('en0: link up after 5 s');
    const b1 = m.add('en1: link up after 7 s');
    const a2 = m.add('en0: link up after 9 s');
    const b2 = m.add('en1: link up after 3 s');
    const c = m.add('eth0: link up after 3 s');
    expect(a1).not.toBe(b1);
    expect([a2, b2]).toEqual([a1, b1]);
    expect(c).not.toBe(a1);
    expect(m.shapeCountOf(a1)).toBe(2);
    m.merge();
    expect(m.templateOf(a1)).toBe('<*>: link up after <*> s'); // three interfaces: a variable
  });
  it('templates of one message with differently written quantities merge', () => {
    const m = new TemplateMiner();
    const a = m.add('x.com:443 close, 100 bytes sent, 200 bytes received, lifetime <1 sec');
    const b = m.add('x.com:443 close, 1500 bytes (1.4 KB) sent, 200 bytes received, lifetime 00:02');
    const c = m.add('job done in 12 seconds');
    m.merge();
    expect(m.groupOf(a)).toBe(m.groupOf(b));
    expect(m.templateOf(a)).toBe('<*> close, <*> sent, <*> received, lifetime <*>');
    expect(m.templateOf(c)).toBe('job done in <*> seconds'); // no sibling: units stay
  });
  it('key=value fields varying together merge', () => {
    const m = new TemplateMiner();
    const ids = [
      'acquire lock=1, tag="AudioMix", name=audioserver, uid=3',
      'acquire lock=2, tag="RILJ_ACK_WL", name=com.android.phone, uid=4',
      'acquire lock=3, tag="*launch*", name=android, uid=5',
    ].map((l) => m.add(l));
    const other = m.add('release lock=3, tag="x", name=y, uid=5');
    m.merge();
    expect(new Set(ids.map((i) => m.groupOf(i))).size).toBe(1);
    expect(m.templateOf(ids[0])).toBe('acquire lock=<*>, tag="<*>", name=<*>, uid=<*>');
    expect(m.groupOf(other)).not.toBe(m.groupOf(ids[0]));
  });
  it('template ids are stable hashes of the text', () => {
    expect(templateId('a <*>')).toBe(templateId('a <*>'));
    expect(templateId('a <*>')).not.toBe(templateId('b <*>'));
    expect(templateId('a <*>')).toMatch(/^t[0-9a-f]{14}$/);
  });
});
