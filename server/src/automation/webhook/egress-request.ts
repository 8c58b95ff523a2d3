import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { refusedAddressReason } from './refused-address.js';

export interface EgressOptions {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Hosts allowed even when they resolve to a private or loopback address (LOOM_WEBHOOK_ALLOW_HOSTS). */
  allowHosts: ReadonlySet<string>;
  timeoutMs?: number;
  maxRedirects?: number;
  maxResponseBytes?: number;
  /** DNS resolution (tests replace it). */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export interface EgressResponse {
  status: number;
  body: Buffer;
  truncated: boolean;
  url: string;
  redirects: number;
}

/** The destination is not allowed; nothing was sent to it. */
export class EgressRefused extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The one egress client (SECURITY.md 6): resolves the host first and refuses private, loopback,
 * link-local, multicast and reserved addresses before connecting, then connects to exactly the
 * address it checked (a second DNS answer cannot rebind it). Follows at most `maxRedirects`
 * redirects, each checked the same way; one deadline for the whole exchange; keeps at most
 * `maxResponseBytes` of the answer.
 */
export async function egressRequest(url: string, options: EgressOptions): Promise<EgressResponse> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const maxRedirects = options.maxRedirects ?? 3;
  let current = new URL(url);
  let method = options.method;
  let body = options.body;
  for (let redirects = 0; ; redirects++) {
    const target = await checkDestination(current, options);
    const res = await send(current, target, method, options.headers, body, deadline, options.maxResponseBytes ?? 1024 * 1024);
    if (!REDIRECTS.has(res.status) || !res.location) return { ...res, url: current.toString(), redirects };
    if (redirects >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
    current = new URL(res.location, current);
    if (res.status === 303) {
      method = 'GET';
      body = undefined;
    }
  }
}

/** The address to connect to, after every address the name resolves to has been checked. */
export async function checkDestination(url: URL, options: Pick<EgressOptions, 'allowHosts' | 'resolve'>): Promise<{ address: string; family: number }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EgressRefused(`${url.protocol} URLs are not allowed`);
  if (url.username || url.password) throw new EgressRefused('URLs with credentials are not allowed');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }]
    : await (options.resolve ?? defaultResolve)(host).catch((e: unknown) => { throw new Error(`cannot resolve ${host}: ${e instanceof Error ? e.message : String(e)}`); });
  if (!addresses.length) throw new Error(`cannot resolve ${host}`);
  if (!options.allowHosts.has(host)) {
    for (const a of addresses) {
      const reason = refusedAddressReason(a.address);
      if (reason) throw new EgressRefused(`${host}${literal ? '' : ` resolves to ${a.address}`}: a ${reason} address is not allowed`);
    }
  }
  return addresses[0];
}

function defaultResolve(host: string) {
  return dnsLookup(host, { all: true, verbatim: true });
}

function send(url: URL, target: { address: string; family: number }, method: string, headers: Record<string, string>, body: string | undefined, deadline: number, maxBytes: number) {
  return new Promise<{ status: number; body: Buffer; truncated: boolean; location?: string }>((resolve, reject) => {
    // pin the connection to the checked address: no second lookup, so no DNS rebinding
    const lookup: LookupFunction = (_host, opts, cb) => {
      if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
      else cb(null, target.address, target.family);
    };
    const lib = url.protocol === 'https:' ? https : http;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new Error('timed out'));
    const req = lib.request(url, { method, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) }, lookup, agent: false });
    const timer = setTimeout(() => req.destroy(new Error('timed out')), remaining);
    req.on('error', (e) => { clearTimeout(timer); reject(e); });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const done = () => {
        clearTimeout(timer);
        const loc = res.headers.location;
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), truncated, location: typeof loc === 'string' ? loc : undefined });
      };
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        const room = maxBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          truncated = true;
          done();
          res.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => { if (!truncated) done(); });
      res.on('error', (e) => { if (!truncated) { clearTimeout(timer); reject(e); } });
    });
    req.end(body);
  });
}
