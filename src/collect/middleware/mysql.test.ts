import { describe, it, expect } from 'vitest';
import { parseMyCnf, mysqldOptions, mysqlSize, looksLikeMyCnf } from './mysql.js';

describe('my.cnf', () => {
  it('reads sections, normalises names, sizes and includes', () => {
    const text = '# c\n[client]\nport=3306\n[mysqld]\nmax-connections = 151\ninnodb_buffer_pool_size=2G ; x\nskip-name-resolve\n!includedir /etc/mysql/conf.d/\n';
    const r = parseMyCnf(text, 'my.cnf');
    expect(r.errors).toEqual([]);
    expect(looksLikeMyCnf(text)).toBe(true);
    const o = mysqldOptions(r.model);
    expect(o.max_connections).toEqual({ value: '151', line: 5 });
    expect(mysqlSize(o, 'innodb_buffer_pool_size', '128M')).toBe(2 * 1024 ** 3);
    expect(o.skip_name_resolve.value).toBe('ON');
    expect(r.model.includes[0].value).toContain('includedir');
  });
  it('names an option outside a section', () => {
    expect(parseMyCnf('port=1\n[mysqld]\n', 'x.cnf').errors).toEqual([{ file: 'x.cnf', line: 1, message: 'option outside any [section]' }]);
  });
});
