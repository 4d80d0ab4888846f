import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { BadInputError } from '../errors.js';

/**
 * Where webhooks may POST (server-side request forgery): public addresses only. Private, loopback, link-local
 * and other special ranges are refused unless the administrator allows the host by name or address
 * (WEBHOOK_ALLOWED_HOSTS). The check is made on the URL when a webhook is registered, and again on the address
 * the name resolves to at each connection (a name that later resolves to 127.0.0.1 is refused then).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/** The endpoint's URL checked for registration: http(s), no credentials, and a host that is allowed. */
export function checkEndpointUrl(raw: string, allowedHosts: ReadonlySet<string>): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new BadInputError('url', 'The URL is not valid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new BadInputError('url', 'The URL must be http or https');
  if (url.username || url.password) throw new BadInputError('url', 'The URL must not carry credentials');
  if (raw.length > 2_000) throw new BadInputError('url', 'The URL is too long');
  const host = hostOf(url);
  if (!allowedHosts.has(host) && ipaddr.isValid(host) && !isPublicAddress(host))
    throw new BadInputError(
      'url',
      `The address ${host} is private, loopback or link-local; an administrator must allow it`,
    );
  if (!allowedHosts.has(host) && (host === 'localhost' || host.endsWith('.localhost')))
    throw new BadInputError('url', 'Loopback addresses are refused; an administrator must allow them');
  return url;
}

/** The URL's host name, lower case, IPv6 without its brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** A DNS lookup that refuses an address that is not public, unless its host is allowed. */
function guardedLookup(host: string, allowedHosts: ReadonlySet<string>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const usable = allowedHosts.has(host) ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      if (usable.length === 0)
        return callback(
          Object.assign(new Error(`${hostname} resolves to a refused address`), { code: 'EREFUSED' }),
          '',
          0,
        );
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

export interface PostResult {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs a body to the endpoint once: no redirect followed (a 3xx is a failure, as any non-2xx), a timeout,
 * the answer's body read and dropped (up to a bound).
 */
export function postOnce(
  url: URL,
  body: string,
  headers: Record<string, string>,
  allowedHosts: ReadonlySet<string>,
  timeoutMs = 10_000,
): Promise<PostResult> {
  const started = performance.now();
  const done = (status: number | null, error: string | null): PostResult => ({
    status,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  const client = url.protocol === 'https:' ? https : http;
  const host = hostOf(url);
  // An address in the URL is connected to without a lookup: checked here.
  if (ipaddr.isValid(host) && !allowedHosts.has(host) && !isPublicAddress(host))
    return Promise.resolve(done(null, `The address ${host} is refused`));
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Quorum-Webhooks/1', ...headers },
        lookup: guardedLookup(hostOf(url), allowedHosts),
        timeout: timeoutMs,
      },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 64 * 1024) response.destroy();
        });
        response.on('close', () => resolve(done(response.statusCode ?? null, null)));
        response.on('error', () => undefined);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`No answer within ${timeoutMs} ms`)));
    request.on('error', (error) => resolve(done(null, error.message.slice(0, 500))));
    request.end(body);
  });
}
