import { ProblemError } from '../common/problem.js';

interface PgError {
  code?: string;
  table?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

/** Maps PostgreSQL error codes that bad input can cause to problems; anything else stays an error (500). */
export function mapPgError(e: unknown): unknown {
  if (e instanceof ProblemError) return e;
  const err = ((e as { driverError?: PgError }).driverError ?? e) as PgError;
  switch (err.code) {
    case '23505':
      return new ProblemError('conflict', 'A record with this value already exists', {
        errors: [{ path: '/' + fieldFromConstraint(err.constraint, err.table), message: 'must be unique' }],
      });
    case '23503':
      return new ProblemError('conflict', 'The record is referenced by, or refers to, a record that does not exist or is still in use', {
        errors: [{ path: '/' + fieldFromConstraint(err.constraint, err.table), message: 'reference is not valid' }],
      });
    case '23502':
      return new ProblemError('validation', 'A required value is missing', { errors: [{ path: '/' + (err.column ?? ''), message: 'is required' }] });
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new ProblemError('validation', 'A value has the wrong format or is out of range');
    case '57014':
      return new ProblemError('unavailable', 'The query took too long and was cancelled');
    case '55P03':
      return new ProblemError('conflict', 'The table is busy; try again in a moment');
    case '40001':
    case '40P01':
      return new ProblemError('conflict', 'A concurrent change conflicted with this one; try again');
    default:
      if (isConnectionError(e)) return new ProblemError('unavailable', 'The database is not reachable');
      return e;
  }
}

/** Constraint and index names are `<table>_<columns>_<suffix>` (metadata constraintName); the field is the middle. */
function fieldFromConstraint(constraint?: string, table?: string): string {
  if (!constraint || !table || !constraint.startsWith(`${table}_`)) return '';
  const middle = constraint.slice(table.length + 1).replace(/_(key|fkey|idx)$/, '');
  return /^[a-z][a-z0-9_]*$/.test(middle) ? middle.replace(/_id$/, '') : '';
}

function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error)?.message ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003'].includes(code)
    || /Connection terminated|connection.*closed|not queryable/i.test(msg);
}
