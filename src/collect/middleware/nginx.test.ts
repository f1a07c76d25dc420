import { describe, it, expect } from 'vitest';
import { parseNginx, nginxView, nginxSeconds, looksLikeNginx } from './nginx.js';
import { sample } from './__fixtures__/samples.js';

describe('nginx', () => {
  it('reads upstreams, proxy_pass and timeouts of the healthy sample', () => {
    const text = sample('oss/healthy/nginx/nginx.conf');
    const r = parseNginx(text);
    expect(r.errors).toEqual([]);
    expect(looksLikeNginx(text)).toBe(true);
    const v = nginxView(r.model.directives);
    expect(v.workerProcesses).toBe(2);
    expect(v.upstreams[0]).toMatchObject({ name: 'api_backend', keepalive: { value: 16 } });
    expect(v.upstreams[0].servers[0]).toMatchObject({ host: 'api.shop-oss.svc.cluster.local', port: 8080 });
    expect(text.split('\n')[v.upstreams[0].servers[0].line - 1]).toContain('server api.shop-oss');
    expect(v.proxies[0]).toMatchObject({ target: 'http://api_backend', upstream: 'api_backend', readTimeoutS: 60, connectTimeoutS: 5, location: '/' });
    expect(v.listens).toEqual([8080]);
  });

  it('follows include through the reader and reports an unterminated directive', () => {
    const r = parseNginx('http {\n include conf.d/*.conf;\n listen 80\n}\n', 'n.conf', () => [{ file: 'conf.d/a.conf', text: 'server { location / { proxy_pass http://api:9000; proxy_read_timeout 2m; } }' }]);
    expect(r.errors).toEqual([{ file: 'n.conf', line: 3, message: 'directive "listen" is not terminated by ";"' }]);
    const v = nginxView(r.model.directives);
    expect(v.proxies[0]).toMatchObject({ direct: { host: 'api', port: 9000, file: 'conf.d/a.conf' }, readTimeoutS: 120 });
  });

  it('parses nginx times', () => {
    expect(nginxSeconds('1m30s')).toBe(90);
    expect(nginxSeconds('500ms')).toBe(0.5);
  });
});
