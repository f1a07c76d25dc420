// Tomcat server.xml (Connectors) and context.xml (JNDI DataSource Resources).
import { descendants, parseXml } from './xml.js';
import { toInt, type At, type Parsed } from './types.js';

export interface TomcatConnector {
  line: number;
  port?: At<number>;
  protocol?: string;
  maxThreads?: number;
  acceptCount?: number;
  maxConnections?: number;
  connectionTimeoutMs?: number;
  attrs: Record<string, string>;
}

export interface TomcatResource {
  name: string;
  line: number;
  url?: string;
  /** maxTotal (DBCP2), maxActive (DBCP1 / tomcat-jdbc) or maximumPoolSize (HikariJNDIFactory). */
  maxTotal?: At<number>;
  attrs: Record<string, string>;
}

export interface TomcatConfig {
  connectors: TomcatConnector[];
  resources: TomcatResource[];
}

export function parseTomcat(text: string, file = 'server.xml'): Parsed<TomcatConfig> {
  const { root, errors } = parseXml(text, file);
  const model: TomcatConfig = { connectors: [], resources: [] };
  for (const c of descendants(root ? { name: '#', attrs: {}, children: [root], text: '', line: 1, textLine: 1 } : undefined, 'Connector')) {
    const a = c.attrs;
    model.connectors.push({
      line: c.line,
      port: toInt(a.port) !== undefined ? { value: toInt(a.port)!, line: c.attrLines?.port ?? c.line } : undefined,
      protocol: a.protocol,
      maxThreads: toInt(a.maxThreads),
      acceptCount: toInt(a.acceptCount),
      maxConnections: toInt(a.maxConnections),
      connectionTimeoutMs: toInt(a.connectionTimeout),
      attrs: a,
    });
  }
  for (const r of descendants(root ? { name: '#', attrs: {}, children: [root], text: '', line: 1, textLine: 1 } : undefined, 'Resource')) {
    const a = r.attrs;
    if (a.type && !/DataSource/.test(a.type)) continue;
    const maxKey = ['maxTotal', 'maxActive', 'maximumPoolSize'].find((k) => a[k] !== undefined);
    model.resources.push({
      name: a.name ?? '?',
      line: r.line,
      url: a.url ?? a.jdbcUrl,
      maxTotal: maxKey && toInt(a[maxKey]) !== undefined ? { value: toInt(a[maxKey])!, line: r.attrLines?.[maxKey] ?? r.line } : undefined,
      attrs: a,
    });
  }
  return { file, model, errors };
}

export function looksLikeTomcat(text: string): boolean {
  return (/<Server\b/.test(text) && /<Connector\b/.test(text)) || (/<Context\b/.test(text) && /<Resource\b/.test(text));
}
