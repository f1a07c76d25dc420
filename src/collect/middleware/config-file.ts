// One product config file: which product format it is (sniffed from content and file name), and
// its parsed form. The sniffers look at what the file says, never at object or sample names.
import { basename } from 'node:path';
import type { ParseIssue } from './types.js';
import { parseHttpM, webtobView, looksLikeHttpM, type HttpM, type WebtobLinkView } from './webtob.js';
import { parseJeus, looksLikeJeus, type JeusConfig } from './jeus.js';
import { parseTip, parseTbdsn, looksLikeTip, looksLikeTbdsn, tiberoParams, type TiberoTip, type TiberoParams, type TbdsnAlias } from './tibero.js';
import { parseNginx, nginxView, looksLikeNginx, type IncludeReader, type NginxDirective, type NginxView } from './nginx.js';
import { parseSpringYaml, parseSpringProperties, looksLikeSpring, type SpringConfig } from './spring.js';
import { parseTomcat, looksLikeTomcat, type TomcatConfig } from './tomcat.js';
import { parsePostgresqlConf, looksLikePostgresqlConf, type PgConf } from './postgresql.js';
import { parseMyCnf, looksLikeMyCnf, type MyCnf } from './mysql.js';

export type Product = 'webtob' | 'jeus' | 'tibero' | 'nginx' | 'spring' | 'tomcat' | 'postgresql' | 'mysql';

export type ParsedConfig =
  | { format: 'webtob.http.m'; model: HttpM; view: WebtobLinkView }
  | { format: 'jeus.xml'; model: JeusConfig }
  | { format: 'tibero.tip'; model: TiberoTip; params: TiberoParams }
  | { format: 'tibero.tbdsn'; aliases: TbdsnAlias[] }
  | { format: 'nginx.conf'; directives: NginxDirective[]; view: NginxView }
  | { format: 'spring.config'; model: SpringConfig }
  | { format: 'tomcat.xml'; model: TomcatConfig }
  | { format: 'postgresql.conf'; model: PgConf }
  | { format: 'mysql.cnf'; model: MyCnf };

export type ConfigFormat = ParsedConfig['format'];

export const PRODUCT_OF: Record<ConfigFormat, Product> = {
  'webtob.http.m': 'webtob',
  'jeus.xml': 'jeus',
  'tibero.tip': 'tibero',
  'tibero.tbdsn': 'tibero',
  'nginx.conf': 'nginx',
  'spring.config': 'spring',
  'tomcat.xml': 'tomcat',
  'postgresql.conf': 'postgresql',
  'mysql.cnf': 'mysql',
};

const isK8sManifest = (text: string) => /^\s*(apiVersion:\s*\S+|"apiVersion"\s*:)/m.test(text) && /^\s*(kind:\s*\S+|"kind"\s*:)/m.test(text);

/** Which format a file is in, from its content (and file name where content alone is ambiguous). */
export function sniffFormat(text: string, path: string): ConfigFormat | undefined {
  const name = basename(path);
  if (text.length > 2_000_000 || text.includes('\u0000') || isK8sManifest(text)) return undefined;
  if (/^\s*</.test(text) || /\.xml$/i.test(name)) {
    if (looksLikeJeus(text)) return 'jeus.xml';
    if (looksLikeTomcat(text)) return 'tomcat.xml';
    return undefined;
  }
  if (looksLikeHttpM(text)) return 'webtob.http.m';
  if (looksLikeTbdsn(text)) return 'tibero.tbdsn';
  if (looksLikeTip(text) || (/\.tip$/i.test(name) && /^\s*[A-Z_]+\s*=/m.test(text))) return 'tibero.tip';
  if (looksLikeMyCnf(text)) return 'mysql.cnf';
  if (looksLikePostgresqlConf(text)) return 'postgresql.conf';
  if (looksLikeNginx(text)) return 'nginx.conf';
  if (/\.(ya?ml|properties)$/i.test(name) && !isK8sManifest(text) && looksLikeSpring(text, name)) return 'spring.config';
  return undefined;
}

export function parseConfig(format: ConfigFormat, text: string, file: string, readInclude?: IncludeReader): { parsed: ParsedConfig; errors: ParseIssue[] } {
  switch (format) {
    case 'webtob.http.m': {
      const r = parseHttpM(text, file);
      return { parsed: { format, model: r.model, view: webtobView(r.model) }, errors: r.errors };
    }
    case 'jeus.xml': {
      const r = parseJeus(text, file);
      return { parsed: { format, model: r.model }, errors: r.errors };
    }
    case 'tibero.tip': {
      const r = parseTip(text, file);
      return { parsed: { format, model: r.model, params: tiberoParams(r.model) }, errors: r.errors };
    }
    case 'tibero.tbdsn': {
      const r = parseTbdsn(text, file);
      return { parsed: { format, aliases: r.model.aliases }, errors: r.errors };
    }
    case 'nginx.conf': {
      const r = parseNginx(text, file, readInclude);
      return { parsed: { format, directives: r.model.directives, view: nginxView(r.model.directives) }, errors: r.errors };
    }
    case 'spring.config': {
      const r = /\.properties$/i.test(file) ? parseSpringProperties(text, file) : parseSpringYaml(text, file);
      return { parsed: { format, model: r.model }, errors: r.errors };
    }
    case 'tomcat.xml': {
      const r = parseTomcat(text, file);
      return { parsed: { format, model: r.model }, errors: r.errors };
    }
    case 'postgresql.conf': {
      const r = parsePostgresqlConf(text, file);
      return { parsed: { format, model: r.model }, errors: r.errors };
    }
    case 'mysql.cnf': {
      const r = parseMyCnf(text, file);
      return { parsed: { format, model: r.model }, errors: r.errors };
    }
  }
}
