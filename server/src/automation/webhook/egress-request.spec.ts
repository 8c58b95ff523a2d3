import { describe, expect, it } from 'vitest';
import { checkDestination, EgressRefused, egressRequest } from './egress-request.js';

const none = new Set<string>();
// every name "resolves" here without DNS; nothing below opens a connection to a refused address
const resolveTo = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];

describe('checkDestination', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/hook',
    'http://127.0.0.1:8080/',
    'http://[::1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://0.0.0.0/',
  ])('refuses %s before connecting', async (url) => {
    await expect(checkDestination(new URL(url), { allowHosts: none })).rejects.toBeInstanceOf(EgressRefused);
  });

  it('refuses a name that resolves to a private address (DNS is checked, not the name)', async () => {
    await expect(checkDestination(new URL('http://hooks.example.com/x'), { allowHosts: none, resolve: resolveTo('10.1.2.3') }))
      .rejects.toThrow(/hooks\.example\.com resolves to 10\.1\.2\.3: a private address/);
  });

  it('refuses when any resolved address is private', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }, { address: '192.168.0.9', family: 4 }];
    await expect(checkDestination(new URL('http://mixed.example.com/'), { allowHosts: none, resolve })).rejects.toBeInstanceOf(EgressRefused);
  });

  it('allows a public address, and a listed host even when it is loopback', async () => {
    await expect(checkDestination(new URL('https://hooks.example.com/'), { allowHosts: none, resolve: resolveTo('93.184.216.34') }))
      .resolves.toEqual({ address: '93.184.216.34', family: 4 });
    await expect(checkDestination(new URL('http://127.0.0.1:9/'), { allowHosts: new Set(['127.0.0.1']) })).resolves.toMatchObject({ address: '127.0.0.1' });
  });

  it('refuses other schemes and credentials in the URL', async () => {
    await expect(checkDestination(new URL('ftp://example.com/'), { allowHosts: none })).rejects.toBeInstanceOf(EgressRefused);
    await expect(checkDestination(new URL('http://u:p@example.com/'), { allowHosts: none, resolve: resolveTo('93.184.216.34') })).rejects.toBeInstanceOf(EgressRefused);
  });
});

describe('egressRequest', () => {
  it('refuses a link-local target without sending anything', async () => {
    await expect(egressRequest('http://169.254.169.254/', { method: 'POST', headers: {}, body: '{}', allowHosts: none })).rejects.toBeInstanceOf(EgressRefused);
  });
});
