/** Matches `/accounts/:id/redeem` against `/accounts/42/redeem` → `{ id: '42' }`, or null. Segments are URL-decoded. */
export function matchRoutePath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    let seg: string;
    try {
      seg = decodeURIComponent(got[i]!);
    } catch {
      return null;
    }
    if (want[i]!.startsWith(':')) params[want[i]!.slice(1)] = seg;
    else if (want[i] !== seg) return null;
  }
  return params;
}
