import { badRequest, type ProblemItem } from '../../common/problem.js';
import { isUuid } from '../../common/is-uuid.js';
import type { RequestStatus } from '../approval-types.js';

export interface ApprovalListQuery {
  box: 'inbox' | 'submitted' | 'all';
  status?: RequestStatus;
  /** Only the requests about this object, or this record of it (the record page's approval panel). */
  object?: string;
  recordId?: string;
  limit: number;
  offset: number;
}

const BOXES = ['inbox', 'submitted', 'all'] as const;
const STATUSES = ['pending', 'approved', 'rejected', 'recalled'] as const;
const MAX_LIMIT = 500;
const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

/** `GET /api/approvals?box=&status=&object=&recordId=&limit=&offset=`; anything else, or a value outside its set, is a 400 (SECURITY.md 3). */
export function parseApprovalListQuery(raw: Record<string, unknown>): ApprovalListQuery {
  const problems: ProblemItem[] = [];
  for (const key of Object.keys(raw)) if (!['box', 'status', 'object', 'recordId', 'limit', 'offset'].includes(key)) problems.push({ path: `/${key}`, message: 'is not a parameter of the approval list' });
  const box = raw.box ?? 'inbox';
  if (!BOXES.includes(box as never)) problems.push({ path: '/box', message: `must be one of ${BOXES.join(', ')}` });
  if (raw.status !== undefined && !STATUSES.includes(raw.status as never)) problems.push({ path: '/status', message: `must be one of ${STATUSES.join(', ')}` });
  if (raw.object !== undefined && (typeof raw.object !== 'string' || !IDENTIFIER.test(raw.object))) problems.push({ path: '/object', message: 'must be an object name' });
  if (raw.recordId !== undefined && (typeof raw.recordId !== 'string' || !isUuid(raw.recordId))) problems.push({ path: '/recordId', message: 'must be a record id (uuid)' });
  const limit = integer(raw.limit, 50, 1, MAX_LIMIT, '/limit', problems);
  const offset = integer(raw.offset, 0, 0, 1_000_000, '/offset', problems);
  if (problems.length) throw badRequest('The approval list query is not valid', problems);
  return {
    box: box as ApprovalListQuery['box'],
    ...(raw.status !== undefined ? { status: raw.status as RequestStatus } : {}),
    ...(raw.object !== undefined ? { object: raw.object as string } : {}),
    ...(raw.recordId !== undefined ? { recordId: raw.recordId as string } : {}),
    limit, offset,
  };
}

function integer(value: unknown, fallback: number, min: number, max: number, path: string, problems: ProblemItem[]): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) problems.push({ path, message: `must be an integer from ${min} to ${max}` });
  return n;
}
