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
  /** Answer only requests that accept aggregated discovery (APIGroupDiscoveryList), as 1.27+ servers do. */
  accept?: 'aggregated';
  status: number;
  /** Body file under apiserver/, or an inline JSON value. */
  body?: string | object;
  /** Served in turn; the last repeats. */
  bodies?: Array<string | object>;
  /** Like `bodies` with a status (and headers) each: 429 then 200, say. Overrides status/body. */
  sequence?: Array<{ status: number; body: string | object; headers?: Record<string, string> }>;
}

export interface SeenRequest {
  path: string;
  accept?: string;
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

/** Routes that make the fake server answer aggregated discovery (apidiscovery.k8s.io/v2). */
export const AGGREGATED_DISCOVERY: Route[] = [
  { path: '/api', accept: 'aggregated', status: 200, body: 'discovery/aggregated-api.json' },
  { path: '/apis', accept: 'aggregated', status: 200, body: 'discovery/aggregated-apis.json' },
];

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
    requests.push({ path: u.pathname, query, authorization: req.headers.authorization, accept: req.headers.accept });
    peak = Math.max(peak, ++inFlight);
    res.on('finish', () => inFlight--);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = typeof body === 'string' ? readFileSync(join(here, 'apiserver', body), 'utf8') : JSON.stringify(body);
      const reply = () => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Audit-Id': 'fake', ...headers });
        res.end(text);
      };
      if (opts.delayMs) setTimeout(reply, opts.delayMs);
      else reply();
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, UNAUTHORIZED);
    const aggregated = (req.headers.accept ?? '').includes('as=APIGroupDiscoveryList');
    const route = routes.find(
      (r) => r.path === u.pathname && (r.continue ?? '') === (query.continue ?? '') && (r.accept !== 'aggregated' || aggregated),
    );
    if (!route) return send(404, NOT_FOUND);
    const n = hits.get(route) ?? 0;
    hits.set(route, n + 1);
    if (route.accept === 'aggregated') {
      return send(route.status, route.body, { 'Content-Type': 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' });
    }
    if (route.sequence) {
      const step = route.sequence[Math.min(n, route.sequence.length - 1)];
      return send(step.status, step.body, step.headers);
    }
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
