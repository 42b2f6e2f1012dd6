/**
 * A local GitHub double: a real HTTP server on 127.0.0.1 that checks every REST request against GitHub's published
 * OpenAPI description (@octokit/openapi: the operation must exist, path/query parameters and JSON bodies must
 * conform), records it, and answers from a small in-memory GitHub. Faults (status codes, retry-after, delays,
 * dropped connections) can be scripted per request.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

interface OpenApiOperation {
  operationId: string;
  parameters?: { $ref?: string; name?: string; in?: string; required?: boolean; schema?: unknown }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
}
interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { parameters: Record<string, { name: string; in: string; required?: boolean; schema?: unknown }>; schemas: Record<string, unknown> };
}

let spec: OpenApi | undefined;
function openApi(): OpenApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  spec ??= require('@octokit/openapi/generated/api.github.com.json') as OpenApi;
  return spec;
}

interface Route {
  template: string;
  re: RegExp;
  names: string[];
  literals: number;
}
let routes: Route[] | undefined;
function routeTable(): Route[] {
  if (routes) return routes;
  routes = Object.keys(openApi().paths).map((template) => {
    const names: string[] = [];
    const re = new RegExp(
      '^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, n: string) => (names.push(n), '([^/]+)')) + '$',
    );
    return { template, re, names, literals: template.split('/').filter((s) => s && !s.startsWith('{')).length };
  });
  routes.sort((a, b) => b.literals - a.literals);
  return routes;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const bodyValidators = new Map<string, ValidateFunction>();

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  operationId: string;
  status: number;
  authorization?: string;
}

export interface Fault {
  /** Which requests it applies to. */
  match: (r: { method: string; path: string; operationId: string }) => boolean;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  /** Close the socket without answering (network failure). */
  drop?: boolean;
  /** How many times (default 1). */
  times?: number;
  /** Carry out the request normally, then answer with the fault's status (a write that landed but "failed"). */
  afterHandling?: boolean;
}

export interface PullRequestState {
  number: number;
  author: string;
  headOwner: string;
  headRef: string;
  requestedReviewers: string[];
  /** Logins that may be requested as reviewers (others get 422, as on GitHub). */
  collaborators?: string[];
}

export class GitHubDouble {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  readonly pulls = new Map<string, PullRequestState[]>();
  readonly comments = new Map<string, { id: number; body: string; user: string }[]>();
  readonly users = new Set<string>();
  readonly orgMembers = new Map<string, Set<string>>();
  readonly collaborators = new Map<string, Set<string>>();
  readonly busy = new Set<string>();
  readonly reviewLoad = new Map<string, number>();
  token = 'ghs_test_token_not_real';
  /** GitHub's primary rate limit as the double counts it: each authenticated answer spends one; at 0 it refuses (403). */
  rateRemaining = 4999;
  /** x-ratelimit-reset (epoch seconds), sent when set. */
  rateReset: number | undefined;
  private nextId = 1000;
  private server!: http.Server;
  url = '';

  static async start(): Promise<GitHubDouble> {
    const d = new GitHubDouble();
    d.server = http.createServer((req, res) => void d.handle(req, res));
    await new Promise<void>((resolve) => d.server.listen(0, '127.0.0.1', resolve));
    d.url = `http://127.0.0.1:${(d.server.address() as AddressInfo).port}`;
    return d;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Requests that would change GitHub (POST/PATCH/PUT/DELETE), excluding GraphQL reads. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.operationId !== 'graphql');
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', 'http://x');
    const method = (req.method ?? 'GET').toLowerCase();
    const query = Object.fromEntries(u.searchParams.entries());
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${method.toUpperCase()} ${u.pathname}: body is not JSON`);
      }
    }
    const { operationId, params } = this.validate(method, u.pathname, query, body);
    const rec: RecordedRequest = { method: method.toUpperCase(), path: u.pathname, query, body, operationId, status: 0, authorization: req.headers.authorization };
    this.requests.push(rec);
    const fault = this.faults.find((f) => f.match({ method: rec.method, path: rec.path, operationId }) && (f.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.drop) {
        rec.status = -1;
        req.socket.destroy();
        return;
      }
      if (fault.status && !fault.afterHandling) return this.send(res, rec, fault.status, fault.body ?? { message: `fault ${fault.status}` }, fault.headers);
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `bearer ${this.token}` && auth !== `Bearer ${this.token}`) {
      return this.send(res, rec, 401, { message: 'Bad credentials' });
    }
    if (this.rateRemaining <= 0) return this.send(res, rec, 403, { message: 'API rate limit exceeded for user ID 1.' }, { 'x-ratelimit-remaining': '0' });
    this.rateRemaining--;
    const [status, out] = this.answer(operationId, params, query, body);
    if (fault?.afterHandling && fault.status) return this.send(res, rec, fault.status, fault.body ?? { message: `fault ${fault.status}` }, fault.headers);
    this.send(res, rec, status, out);
  }

  private send(res: http.ServerResponse, rec: RecordedRequest, status: number, body: unknown, headers: Record<string, string> = {}): void {
    rec.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': String(Math.max(0, this.rateRemaining)), ...(this.rateReset === undefined ? {} : { 'x-ratelimit-reset': String(this.rateReset) }), ...headers });
    res.end(status === 204 ? undefined : JSON.stringify(body ?? {}));
  }

  private validate(method: string, path: string, query: Record<string, string>, body: unknown): { operationId: string; params: Record<string, string> } {
    if (path === '/graphql' && method === 'post') {
      const q = (body as { query?: unknown })?.query;
      if (typeof q !== 'string') this.violations.push('POST /graphql: body.query must be a string');
      return { operationId: 'graphql', params: {} };
    }
    const api = openApi();
    for (const r of routeTable()) {
      const m = r.re.exec(path);
      if (!m) continue;
      const op = api.paths[r.template][method];
      if (!op) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      for (const p of op.parameters ?? []) {
        const def = p.$ref ? api.components.parameters[p.$ref.split('/').pop()!] : (p as { name: string; in: string; required?: boolean });
        if (def?.in === 'query' && def.required && !(def.name in query)) this.violations.push(`${op.operationId}: missing required query parameter ${def.name}`);
      }
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (op.requestBody?.required && body === undefined) this.violations.push(`${op.operationId}: request body required`);
      if (schema && body !== undefined) {
        let v = bodyValidators.get(op.operationId);
        if (!v) {
          v = ajv.compile({ ...(schema as object), components: api.components });
          bodyValidators.set(op.operationId, v);
        }
        if (!v(body)) this.violations.push(`${op.operationId}: body ${JSON.stringify(body)} does not match: ${ajv.errorsText(v.errors)}`);
      }
      return { operationId: op.operationId, params };
    }
    this.violations.push(`${method.toUpperCase()} ${path}: no such operation in GitHub's REST API`);
    return { operationId: 'unknown', params: {} };
  }

  private prUrl(owner: string, repo: string, n: number): string {
    return `https://github.com/${owner}/${repo}/pull/${n}`;
  }

  private prJson(owner: string, repo: string, pr: PullRequestState) {
    return {
      number: pr.number,
      html_url: this.prUrl(owner, repo, pr.number),
      user: { login: pr.author },
      head: { ref: pr.headRef, label: `${pr.headOwner}:${pr.headRef}` },
      requested_reviewers: pr.requestedReviewers.map((login) => ({ login })),
    };
  }

  private answer(operationId: string, p: Record<string, string>, query: Record<string, string>, body: unknown): [number, unknown] {
    const key = `${p.owner}/${p.repo}`;
    switch (operationId) {
      case 'pulls/list': {
        const [headOwner, headRef] = (query.head ?? '').split(':');
        const list = (this.pulls.get(key) ?? []).filter((pr) => !query.head || (pr.headOwner === headOwner && pr.headRef === headRef));
        return [200, list.map((pr) => this.prJson(p.owner, p.repo, pr))];
      }
      case 'pulls/get': {
        const pr = (this.pulls.get(key) ?? []).find((x) => x.number === Number(p.pull_number));
        return pr ? [200, this.prJson(p.owner, p.repo, pr)] : [404, { message: 'Not Found' }];
      }
      case 'pulls/request-reviewers': {
        const pr = (this.pulls.get(key) ?? []).find((x) => x.number === Number(p.pull_number));
        if (!pr) return [404, { message: 'Not Found' }];
        const wanted = ((body as { reviewers?: string[] })?.reviewers ?? []);
        const bad = wanted.filter((w) => pr.collaborators && !pr.collaborators.includes(w));
        if (bad.length) return [422, { message: 'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ' + key + ' repository.' }];
        for (const w of wanted) if (!pr.requestedReviewers.includes(w)) pr.requestedReviewers.push(w);
        return [201, this.prJson(p.owner, p.repo, pr)];
      }
      case 'issues/list-comments': {
        const list = this.comments.get(`${key}#${p.issue_number}`) ?? [];
        return [200, list.map((c) => ({ id: c.id, body: c.body, user: { login: c.user }, html_url: `https://github.com/${key}/issues/${p.issue_number}#issuecomment-${c.id}` }))];
      }
      case 'issues/create-comment': {
        const k = `${key}#${p.issue_number}`;
        const list = this.comments.get(k) ?? [];
        const c = { id: this.nextId++, body: String((body as { body?: string })?.body ?? ''), user: 'kube-shepherd-user' };
        list.push(c);
        this.comments.set(k, list);
        return [201, { id: c.id, body: c.body, user: { login: c.user }, html_url: `https://github.com/${key}/issues/${p.issue_number}#issuecomment-${c.id}` }];
      }
      case 'search/issues-and-pull-requests': {
        const m = /review-requested:(\S+)/.exec(query.q ?? '');
        return [200, { total_count: m ? this.reviewLoad.get(m[1]) ?? 0 : 0, incomplete_results: false, items: [] }];
      }
      case 'users/get-by-username':
        return this.users.has(p.username) ? [200, { login: p.username, id: 1, type: 'User' }] : [404, { message: 'Not Found' }];
      case 'orgs/get':
        return this.orgMembers.has(p.org) ? [200, { login: p.org, id: 2, type: 'Organization' }] : [404, { message: 'Not Found' }];
      case 'orgs/check-membership-for-user':
        return this.orgMembers.get(p.org)?.has(p.username) ? [204, undefined] : [404, { message: 'Not Found' }];
      case 'repos/check-collaborator':
        return this.collaborators.get(key)?.has(p.username) ? [204, undefined] : [404, { message: 'Not Found' }];
      case 'graphql': {
        const login = (body as { variables?: { login?: string } })?.variables?.login ?? '';
        return [200, { data: { user: { status: this.busy.has(login) ? { indicatesLimitedAvailability: true } : null } } }];
      }
      default:
        return [404, { message: `the double does not implement ${operationId}` }];
    }
  }
}
