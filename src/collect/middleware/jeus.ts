// JEUS configuration: domain.xml (JEUS 7/8/21) and the JEUS 6 pair JEUSMain.xml + WEBMain.xml,
// read into one linkage view (servers, WebtoB connectors, data sources).
import { at, child, children, descendants, parseXml, textAt, type XmlNode } from './xml.js';
import { toInt, type At, type Parsed } from './types.js';

export interface JeusConnector {
  server: string;
  name: string;
  line: number;
  host?: At;
  port?: At<number>;
  registrationId?: At;
  hthCount?: At<number>;
  /** Worker threads (connections to WebtoB) per JEUS process. */
  threads?: At<number>;
  /** `domain-socket-address` (pipe mode) instead of TCP. */
  pipe: boolean;
}

export interface JeusDataSource {
  id: string;
  line: number;
  exportName?: string;
  className?: At;
  vendor?: string;
  serverName?: At;
  portNumber?: At<number>;
  databaseName?: At;
  user?: string;
  poolMin?: At<number>;
  poolMax?: At<number>;
  loginTimeout?: number;
  stmtQueryTimeoutMs?: number;
}

export interface JeusServer {
  name: string;
  line: number;
  jvmOptions: At[];
  listeners: Array<{ name: string; port?: number; line: number }>;
  dataSourceRefs: At[];
}

export interface JeusConfig {
  layout: 'domain' | 'jeus6-main' | 'jeus6-web' | 'unknown';
  servers: JeusServer[];
  connectors: JeusConnector[];
  dataSources: JeusDataSource[];
}

const num = (n: XmlNode | undefined): At<number> | undefined => {
  const v = toInt(n?.text);
  return n && v !== undefined ? { value: v, line: n.textLine } : undefined;
};
const str = (n: XmlNode | undefined): At | undefined => (n && n.text ? { value: n.text, line: n.textLine } : undefined);

function readDataSource(db: XmlNode): JeusDataSource {
  const pooling = at(db, 'connection-pool/pooling');
  return {
    id: textAt(db, 'data-source-id') ?? textAt(db, 'export-name') ?? '?',
    line: db.line,
    exportName: textAt(db, 'export-name'),
    className: str(child(db, 'data-source-class-name')),
    vendor: textAt(db, 'vendor'),
    serverName: str(child(db, 'server-name')),
    portNumber: num(child(db, 'port-number')),
    databaseName: str(child(db, 'database-name')),
    user: textAt(db, 'user'),
    poolMin: num(child(pooling, 'min')),
    poolMax: num(child(pooling, 'max')),
    loginTimeout: toInt(textAt(db, 'login-timeout')),
    stmtQueryTimeoutMs: toInt(textAt(db, 'stmt-query-timeout')),
  };
}

export function parseJeus(text: string, file = 'domain.xml'): Parsed<JeusConfig> {
  const { root, errors } = parseXml(text, file);
  const model: JeusConfig = { layout: 'unknown', servers: [], connectors: [], dataSources: [] };
  if (!root) return { file, model, errors };
  if (root.name === 'domain') {
    model.layout = 'domain';
    for (const s of children(child(root, 'servers'), 'server')) {
      const name = textAt(s, 'name') ?? '?';
      model.servers.push({
        name,
        line: s.line,
        jvmOptions: children(child(s, 'jvm-config'), 'jvm-option').map((o) => ({ value: o.text, line: o.textLine })),
        listeners: children(child(s, 'listeners'), 'listener').map((l) => ({ name: textAt(l, 'name') ?? '?', port: toInt(textAt(l, 'listen-port')), line: l.line })),
        dataSourceRefs: children(child(s, 'data-sources'), 'data-source').map((d) => ({ value: d.text, line: d.textLine })),
      });
      for (const c of descendants(at(s, 'web-engine/web-connections'), 'webtob-connector')) {
        const na = child(c, 'network-address');
        model.connectors.push({
          server: name,
          name: textAt(c, 'name') ?? '?',
          line: c.line,
          host: str(child(na, 'ip-address')),
          port: num(child(na, 'port')),
          registrationId: str(child(c, 'registration-id')),
          hthCount: num(child(c, 'hth-count')),
          threads: num(at(c, 'thread-pool/number')) ?? num(at(c, 'thread-pool/max')),
          pipe: !na && !!child(c, 'domain-socket-address'),
        });
      }
    }
    for (const db of children(at(root, 'resources/data-source'), 'database')) model.dataSources.push(readDataSource(db));
  } else if (root.name === 'jeus-system') {
    // JEUS 6 JEUSMain.xml: data sources under resource/data-source/database, keyed by export-name.
    model.layout = 'jeus6-main';
    for (const db of children(at(root, 'resource/data-source'), 'database')) model.dataSources.push(readDataSource(db));
    for (const n of children(root, 'node')) {
      for (const e of children(n, 'engine-container')) {
        model.servers.push({
          name: textAt(e, 'name') ?? '?',
          line: e.line,
          jvmOptions: children(e, 'command-option').map((o) => ({ value: o.text, line: o.textLine })),
          listeners: [],
          dataSourceRefs: children(e, 'resource-ref').map((d) => ({ value: textAt(d, 'export-name') ?? d.text, line: d.line })),
        });
      }
    }
  } else if (root.name === 'web-container') {
    // JEUS 6 WEBMain.xml: context-group/webserver-connection/webtob-listener.
    model.layout = 'jeus6-web';
    for (const l of descendants(root, 'webtob-listener')) {
      model.connectors.push({
        server: 'web-container',
        name: textAt(l, 'listener-id') ?? '?',
        line: l.line,
        host: str(child(l, 'webtob-address')),
        port: num(child(l, 'port')),
        registrationId: str(child(l, 'registration-id')),
        hthCount: num(child(l, 'hth-count')),
        threads: num(at(l, 'thread-pool/max')) ?? num(at(l, 'thread-pool/min')),
        pipe: false,
      });
    }
  }
  return { file, model, errors };
}

export function looksLikeJeus(text: string): boolean {
  return (
    (/<domain\b/.test(text) && /(tmaxsoft\.com\/xml\/ns\/jeus|<webtob-connector>|<data-source-id>|<admin-server-name>)/.test(text)) ||
    /<jeus-system\b/.test(text) ||
    (/<web-container\b/.test(text) && /<webtob-listener>/.test(text))
  );
}
