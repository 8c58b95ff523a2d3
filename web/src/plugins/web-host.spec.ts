import { describe, expect, it, vi } from 'vitest';

const request = vi.fn(async () => ({ ok: true }));
vi.mock('@/api/request', () => ({ request: (...args: unknown[]) => request(...(args as [])) }));

const { webApi } = await import('./web-host');

describe('webApi (what plugin web code calls the server with)', () => {
  it('passes /api/ calls to the one request wrapper, silently (the plugin shows its own states)', async () => {
    expect(await webApi.request('/api/plugins/loyalty/members/c1', { query: { limit: 5 } })).toEqual({ ok: true });
    expect(request).toHaveBeenCalledWith('/api/plugins/loyalty/members/c1', { method: undefined, query: { limit: 5 }, body: undefined, silent: true });
  });

  it('refuses anything but the public API', async () => {
    request.mockClear();
    await expect(webApi.request('https://evil.example/steal')).rejects.toThrow(/only the public API/);
    await expect(webApi.request('/api/../internal')).rejects.toThrow(/only the public API/);
    await expect(webApi.request('/health')).rejects.toThrow(/only the public API/);
    expect(request).not.toHaveBeenCalled();
  });
});
