import { badRequest } from '../../common/problem.js';

/** `?dryRun=true|false`, the only query parameter of a write that takes one; anything else is 400. */
export function dryRunParam(query: Record<string, unknown>): boolean {
  const unknown = Object.keys(query).filter((k) => k !== 'dryRun');
  if (unknown.length) throw badRequest(`Unknown query parameter(s): ${unknown.join(', ')}`, unknown.map((k) => ({ path: `/${k}`, message: 'is not a parameter of this request' })));
  const v = query.dryRun;
  if (v === undefined) return false;
  if (v !== 'true' && v !== 'false') throw badRequest('dryRun must be true or false', [{ path: '/dryRun', message: 'must be true or false' }]);
  return v === 'true';
}
