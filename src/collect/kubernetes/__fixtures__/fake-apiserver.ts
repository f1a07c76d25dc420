// A local HTTP server that replays Kubernetes API responses from __fixtures__/apiserver/routes.json,
// so tests run the production client (@kubernetes/client-node) against it unchanged.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = here;
export const TOKEN = 'hypercas-test-token';

export interface Route {
  path: string;
  /** The `continue` query value this route answers; absent = the first page. */
  continue?: string;
  status: number;
  /** Body file under apiserver/, or an inline JSON value. */
  body?: string | object;
  /** Served in turn; the last repeats. */
  bodies?: Array<string | object>;
}

export interface SeenRequest {
  path: string;
  query: Record<string, string>;
  authorization?: string;
}

export interface FakeApiServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  /** Most requests the server was answering at the same time. */
  peakInFlight(): number;
  close(): Promise<void>;
  /** A kubeconfig file pointing at this server (token user), written to a temp dir. */
  kubeconfig(): string;
}

const NOT_FOUND = {
  kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
  message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404,
};
const UNAUTHORIZED = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 };

export function loadRoutes(): Route[] {
  return (JSON.parse(readFileSync(join(here, 'apiserver', 'routes.json'), 'utf8')) as { routes: Route[] }).routes;
}

export const TLS_CERT = join(here, 'tls', 'server.crt');
const TLS_KEY = join(here, 'tls', 'server.key');

/** Start on 127.0.0.1, a random port. `overrides` take precedence over the fixture routes. */
export async function startFakeApiServer(overrides: Route[] = [], opts: { delayMs?: number; tls?: boolean } = {}): Promise<FakeApiServer> {
  const routes = [...overrides, ...loadRoutes()];
  const hits = new Map<Route, number>();
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries(u.searchParams.entries());
    requests.push({ path: u.pathname, query, authorization: req.headers.authorization });
    peak = Math.max(peak, ++inFlight);
    res.on('finish', () => inFlight--);
    const send = (status: number, body: unknown) => {
      const text = typeof body === 'string' ? readFileSync(join(here, 'apiserver', body), 'utf8') : JSON.stringify(body);
      const reply = () => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Audit-Id': 'fake' });
        res.end(text);
      };
      if (opts.delayMs) setTimeout(reply, opts.delayMs);
      else reply();
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, UNAUTHORIZED);
    const route = routes.find((r) => r.path === u.pathname && (r.continue ?? '') === (query.continue ?? ''));
    if (!route) return send(404, NOT_FOUND);
    const n = hits.get(route) ?? 0;
    hits.set(route, n + 1);
    const body = route.bodies ? route.bodies[Math.min(n, route.bodies.length - 1)] : route.body;
    send(route.status, body ?? {});
  };
  const server: Server = opts.tls
    ? createHttpsServer({ cert: readFileSync(TLS_CERT), key: readFileSync(TLS_KEY) }, handler)
    : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url,
    port,
    requests,
    peakInFlight: () => peak,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    kubeconfig: () => writeKubeconfig(url, TOKEN, opts.tls ? { ca: TLS_CERT } : {}),
  };
}

/** The kubeconfig fixture with its server URL replaced; for https, `ca` (a file) or no trust at all. */
export function writeKubeconfig(server: string, token = TOKEN, tls: { ca?: string } = {}): string {
  let text = readFileSync(join(here, 'kubeconfig.yaml'), 'utf8').replaceAll('http://127.0.0.1:PORT', server).replaceAll('TOKEN', token);
  if (server.startsWith('https:')) {
    text = text.replaceAll('insecure-skip-tls-verify: true', tls.ca ? `certificate-authority: ${tls.ca}` : 'insecure-skip-tls-verify: false');
  }
  const dir = mkdtempSync(join(tmpdir(), 'hypercas-kube-'));
  const file = join(dir, 'config');
  writeFileSync(file, text);
  return file;
}
