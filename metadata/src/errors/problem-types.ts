import type { LabelMap } from '../types/label.js';

/** The problem codes of the API (API.md "Errors"); one per HTTP status the API answers with. */
export type ProblemCode =
  | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'precondition_failed'
  | 'payload_too_large' | 'validation' | 'locked' | 'rate_limited' | 'internal' | 'unavailable';

export interface ProblemType {
  /** `https://loom.dev/problems/<code with - for _>`. */
  type: string;
  status: number;
  title: Required<LabelMap>;
}

export const PROBLEM_BASE = 'https://loom.dev/problems/';

const entry = (code: ProblemCode, status: number, en: string, zh: string): ProblemType => ({
  type: PROBLEM_BASE + code.replace(/_/g, '-'),
  status,
  title: { en, 'zh-CN': zh },
});

/** Every problem code with its type URI, status and title in each locale. */
export const PROBLEM_TYPES: Readonly<Record<ProblemCode, ProblemType>> = Object.freeze({
  bad_request: entry('bad_request', 400, 'Bad request', '请求无效'),
  unauthorized: entry('unauthorized', 401, 'Unauthorized', '未登录或凭证无效'),
  forbidden: entry('forbidden', 403, 'Forbidden', '无权访问'),
  not_found: entry('not_found', 404, 'Not found', '未找到'),
  conflict: entry('conflict', 409, 'Conflict', '操作冲突'),
  precondition_failed: entry('precondition_failed', 412, 'Precondition failed', '版本已变更，请刷新后重试'),
  payload_too_large: entry('payload_too_large', 413, 'Payload too large', '请求内容过大'),
  validation: entry('validation', 422, 'Validation failed', '数据校验失败'),
  locked: entry('locked', 423, 'Locked', '记录已锁定'),
  rate_limited: entry('rate_limited', 429, 'Too many requests', '请求过于频繁'),
  internal: entry('internal', 500, 'Internal server error', '服务器内部错误'),
  unavailable: entry('unavailable', 503, 'Service unavailable', '服务暂不可用'),
});

export const PROBLEM_CODES = Object.keys(PROBLEM_TYPES) as ProblemCode[];
