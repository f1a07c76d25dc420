// nginx.conf: directives `name args;` and blocks `name args { ... }`, `#` comments, quoted
// strings. `include` is resolved through a caller-supplied reader (pure parser, no I/O here).
import type { At, ParseIssue, Parsed } from './types.js';

export interface NginxDirective {
  name: string;
  args: string[];
  line: number;
  file: string;
  block?: NginxDirective[];
}

type Tok = { t: 'word' | '{' | '}' | ';'; v: string; line: number };

function tokenize(text: string, file: string, errors: ParseIssue[]): Tok[] {
  const toks: Tok[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{' || c === '}' || c === ';') {
      toks.push({ t: c, v: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let v = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) {
          v += text[i + 1];
          i += 2;
          continue;
        }
        if (text[i] === '\n') line++;
        v += text[i++];
      }
      if (i >= text.length) errors.push({ file, line: start, message: 'unterminated quoted string' });
      i++;
      toks.push({ t: 'word', v, line: start });
    } else {
      let v = '';
      while (i < text.length && !/[\s;{}]/.test(text[i]) && !(text[i] === '#' && v === '')) {
        // `${var}` keeps its braces inside a word.
        if (text[i] === '$' && text[i + 1] === '{') {
          const end = text.indexOf('}', i);
          v += text.slice(i, end + 1);
          i = end + 1;
          continue;
        }
        v += text[i++];
      }
      toks.push({ t: 'word', v, line });
    }
  }
  return toks;
}

export type IncludeReader = (pattern: string, fromFile: string) => Array<{ file: string; text: string }>;

export function parseNginx(text: string, file = 'nginx.conf', readInclude?: IncludeReader, depth = 0): Parsed<{ directives: NginxDirective[] }> {
  const errors: ParseIssue[] = [];
  const toks = tokenize(text, file, errors);
  let p = 0;
  const parseBlock = (closeLine?: number): NginxDirective[] => {
    const out: NginxDirective[] = [];
    let words: Tok[] = [];
    while (p < toks.length) {
      const t = toks[p++];
      if (t.t === 'word') words.push(t);
      else if (t.t === ';') {
        if (words.length) {
          const d: NginxDirective = { name: words[0].v, args: words.slice(1).map((w) => w.v), line: words[0].line, file };
          out.push(d);
          if (d.name === 'include' && readInclude && depth < 8) {
            for (const inc of readInclude(d.args[0] ?? '', file)) {
              const sub = parseNginx(inc.text, inc.file, readInclude, depth + 1);
              errors.push(...sub.errors);
              out.push(...sub.model.directives);
            }
          }
        }
        words = [];
      } else if (t.t === '{') {
        if (!words.length) errors.push({ file, line: t.line, message: 'block without a directive name' });
        const d: NginxDirective = { name: words[0]?.v ?? '', args: words.slice(1).map((w) => w.v), line: words[0]?.line ?? t.line, file };
        words = [];
        d.block = parseBlock(t.line);
        out.push(d);
      } else {
        if (words.length) errors.push({ file, line: words[0].line, message: `directive "${words[0].v}" is not terminated by ";"` });
        if (closeLine === undefined) errors.push({ file, line: t.line, message: 'unexpected "}"' });
        return out;
      }
    }
    if (words.length) errors.push({ file, line: words[0].line, message: `directive "${words[0].v}" is not terminated by ";"` });
    if (closeLine !== undefined) errors.push({ file, line: closeLine, message: 'block opened here is never closed' });
    return out;
  };
  const directives: NginxDirective[] = [];
  while (p < toks.length) directives.push(...parseBlock());
  return { file, model: { directives }, errors };
}

export function walk(ds: NginxDirective[], fn: (d: NginxDirective, parents: NginxDirective[]) => void, parents: NginxDirective[] = []): void {
  for (const d of ds) {
    fn(d, parents);
    if (d.block) walk(d.block, fn, [...parents, d]);
  }
}

export interface NginxUpstreamServer {
  host: string;
  port?: number;
  line: number;
  file: string;
  /** The address argument as written (`api:8080`). */
  address: string;
}

export interface NginxView {
  workerProcesses?: number;
  upstreams: Array<{ name: string; line: number; servers: NginxUpstreamServer[]; keepalive?: At<number> }>;
  /** Every proxy_pass, with the effective timeouts at that location (nginx defaults 60s). */
  proxies: Array<{
    target: string;
    line: number;
    file: string;
    location?: string;
    /** Set when the target names an upstream block. */
    upstream?: string;
    /** Set when the target is a direct host[:port]. */
    direct?: NginxUpstreamServer;
    readTimeoutS: number;
    readTimeoutLine?: number;
    connectTimeoutS: number;
  }>;
  listens: number[];
  includes: string[];
}

/** nginx time (`60s`, `1m`, `500ms`, bare seconds) → seconds. */
export function nginxSeconds(s: string | undefined): number | undefined {
  if (!s) return undefined;
  let total = 0;
  const re = /(\d+)(ms|s|m|h|d)?/g;
  let m: RegExpExecArray | null;
  let any = false;
  while ((m = re.exec(s))) {
    any = true;
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : m[2] === 'h' ? n * 3600 : m[2] === 'd' ? n * 86400 : n;
  }
  return any ? total : undefined;
}

function hostPort(addr: string, line: number, file: string, defPort?: number): NginxUpstreamServer {
  const a = addr.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(a);
  return { host: m ? m[1] : a, port: m?.[2] ? Number(m[2]) : defPort, line, file, address: addr };
}

export function nginxView(ds: NginxDirective[]): NginxView {
  const view: NginxView = { upstreams: [], proxies: [], listens: [], includes: [] };
  const timeouts = (chain: NginxDirective[], name: string): NginxDirective | undefined => {
    // Innermost block that sets it wins (nginx inheritance).
    for (let k = chain.length - 1; k >= 0; k--) {
      const d = chain[k].block?.find((x) => x.name === name);
      if (d) return d;
    }
    return ds.find((x) => x.name === name);
  };
  walk(ds, (d, parents) => {
    if (d.name === 'worker_processes' && /^\d+$/.test(d.args[0] ?? '')) view.workerProcesses = Number(d.args[0]);
    if (d.name === 'include') view.includes.push(d.args[0] ?? '');
    if (d.name === 'listen') {
      const m = /(?:^|:)(\d+)$/.exec(d.args[0] ?? '');
      if (m) view.listens.push(Number(m[1]));
    }
    if (d.name === 'upstream' && d.block) {
      const ka = d.block.find((x) => x.name === 'keepalive');
      view.upstreams.push({
        name: d.args[0] ?? '',
        line: d.line,
        // unix: sockets and variable addresses are not network links we can resolve.
        servers: d.block.filter((x) => x.name === 'server' && x.args[0] && !/^unix:|\$/.test(x.args[0])).map((s) => hostPort(s.args[0] ?? '', s.line, s.file, 80)),
        keepalive: ka && /^\d+$/.test(ka.args[0] ?? '') ? { value: Number(ka.args[0]), line: ka.line } : undefined,
      });
    }
    if (d.name === 'proxy_pass' && d.args[0]) {
      const chain = parents;
      const loc = [...parents].reverse().find((x) => x.name === 'location');
      const target = d.args[0];
      const scheme = /^(https?):\/\//.exec(target)?.[1];
      const rt = timeouts([...chain], 'proxy_read_timeout');
      const ct = timeouts([...chain], 'proxy_connect_timeout');
      const hp = hostPort(target, d.line, d.file, scheme === 'https' ? 443 : 80);
      view.proxies.push({
        target,
        line: d.line,
        file: d.file,
        location: loc?.args.join(' '),
        readTimeoutS: nginxSeconds(rt?.args[0]) ?? 60,
        readTimeoutLine: rt?.line,
        connectTimeoutS: nginxSeconds(ct?.args[0]) ?? 60,
        ...(target.includes('$') || /^[a-z]+:\/\/unix:/.test(target) ? {} : { upstream: hp.host, direct: hp }),
      });
    }
  });
  // A proxy_pass host that names an upstream block is that upstream, not a direct host.
  for (const p of view.proxies) {
    if (p.upstream && view.upstreams.some((u) => u.name === p.upstream) && !/:\d+/.test(p.target.replace(/^[a-z]+:\/\//, ''))) delete p.direct;
    else delete p.upstream;
  }
  return view;
}

export function looksLikeNginx(text: string): boolean {
  const hits = [/^\s*http\s*\{/m, /^\s*server\s*\{/m, /^\s*upstream\s+\S+\s*\{/m, /\bproxy_pass\s+\S+;/, /^\s*worker_processes\s+\S+;/m, /^\s*events\s*\{/m, /^\s*listen\s+\S+.*;/m, /^\s*location\s+\S+.*\{/m];
  return hits.filter((r) => r.test(text)).length >= 2;
}
