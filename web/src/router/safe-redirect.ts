/**
 * The `?redirect=` target after signing in, only when it is a path inside
 * this app (never another origin, never back to /login); else null.
 */
export function safeRedirect(value: unknown): string | null {
  const target = Array.isArray(value) ? value[0] : value;
  if (typeof target !== 'string' || !target.startsWith('/')) return null;
  if (target.startsWith('//') || target.startsWith('/\\')) return null;
  if (target === '/login' || target.startsWith('/login?') || target.startsWith('/login/')) return null;
  return target;
}
