// GET requests through @kubernetes/client-node's own request machinery (the same Configuration,
// auth (tokens, client certs, exec/auth-provider plugins), TLS agent and fetch that its generated
// APIs use), returning raw JSON. We do not use KubernetesObjectApi.list: it re-runs discovery per
// call and deserialises into typed models, which drops unknown fields and turns timestamps into Dates.
import {
  createConfiguration,
  HttpMethod,
  ServerConfiguration,
  type Configuration,
  type KubeConfig,
} from '@kubernetes/client-node';
import { KubeAccessError, errorMessage } from './errors.js';

export interface KubeResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface KubeHttpOptions {
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Most requests in flight at once (client-side throttling: big clusters rate-limit us). */
  concurrency?: number;
  /** Retries for 429 / 5xx answers (GETs are idempotent). */
  retries?: number;
  /** Base delay between retries when the server sends no Retry-After. */
  retryDelayMs?: number;
}

/** A counting semaphore: bounds requests, not tasks, so nested listings cannot deadlock. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly max: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class KubeHttp {
  readonly server: string;
  private readonly config: Configuration;
  private readonly gate: Semaphore;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(
    kc: KubeConfig,
    opts: KubeHttpOptions = {},
  ) {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new KubeAccessError(`kubeconfig context "${kc.getCurrentContext()}" names no known cluster`, 'kubeconfig');
    if (!cluster.server) throw new KubeAccessError(`kubeconfig cluster "${cluster.name}" has no server URL`, 'kubeconfig');
    this.server = cluster.server.replace(/\/+$/, '');
    // Exactly what KubeConfig.makeApiClient builds for the generated API classes.
    this.config = createConfiguration({
      baseServer: new ServerConfiguration<Record<string, string>>(this.server, {}),
      authMethods: { default: kc },
    });
    this.gate = new Semaphore(Math.max(1, opts.concurrency ?? 4));
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.retries = opts.retries ?? 3;
    this.retryDelayMs = opts.retryDelayMs ?? 1000;
  }

  /** GET a path; HTTP error statuses are returned, transport failures throw a KubeAccessError. */
  async get(path: string, query: Record<string, string> = {}, accept = 'application/json'): Promise<KubeResponse> {
    for (let attempt = 0; ; attempt++) {
      const rsp = await this.gate.run(() => this.once(path, query, accept));
      const retryable = rsp.status === 429 || (rsp.status >= 500 && rsp.status !== 501);
      if (!retryable || attempt >= this.retries) return rsp;
      const after = Number(rsp.headers['retry-after']);
      await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 10_000) : this.retryDelayMs * (attempt + 1));
    }
  }

  private async once(path: string, query: Record<string, string>, accept: string): Promise<KubeResponse> {
    const ctx = this.config.baseServer.makeRequestContext(path, HttpMethod.GET);
    ctx.setHeaderParam('Accept', accept);
    for (const [k, v] of Object.entries(query)) ctx.setQueryParam(k, v);
    try {
      await this.config.authMethods.default?.applySecurityAuthentication(ctx);
    } catch (e) {
      // Exec plugins missing, unreadable cert files, http:// without insecure-skip-tls-verify ...
      throw new KubeAccessError(`cannot set up credentials or TLS for ${this.server}: ${errorMessage(e)}`, 'credentials');
    }
    ctx.setSignal(AbortSignal.timeout(this.timeoutMs));
    let status: number;
    let headers: Record<string, string>;
    let text: string;
    try {
      const rsp = await this.config.httpApi.send(ctx).toPromise();
      status = rsp.httpStatusCode;
      headers = rsp.headers;
      text = await rsp.body.text();
    } catch (e) {
      throw new KubeAccessError(`cannot reach ${this.server}: ${transportReason(e, this.timeoutMs)}`, 'unreachable');
    }
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Proxies and load balancers answer in HTML/plain text; keep the text for the message.
    }
    if (status === 401) throw new KubeAccessError(`unauthorized: credentials rejected by ${this.server}`, 'unauthorized');
    return { status, body, headers };
  }
}

/** "connect ECONNREFUSED 127.0.0.1:6443", "getaddrinfo ENOTFOUND x", "self-signed certificate", "timed out after 60s". */
function transportReason(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; type?: string; code?: string; message?: string } | undefined;
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError' || err?.type === 'aborted') {
    return `timed out after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)}s` : `${timeoutMs}ms`}`;
  }
  const msg = errorMessage(e);
  // node-fetch: "request to https://x/api failed, reason: connect ECONNREFUSED 1.2.3.4:6443"
  const i = msg.indexOf('reason: ');
  return i >= 0 ? msg.slice(i + 'reason: '.length) : msg;
}

/** The message of a Kubernetes `kind: Status` body, or a short text for anything else. */
export function statusMessage(body: unknown, status: number): string {
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; reason?: unknown };
    if (typeof b.message === 'string' && b.message) return b.message;
    if (typeof b.reason === 'string' && b.reason) return b.reason;
  }
  if (typeof body === 'string' && body.trim()) return body.trim().split('\n')[0].slice(0, 200);
  return `HTTP ${status}`;
}
