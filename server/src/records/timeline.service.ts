import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { badRequest } from '../common/problem.js';
import { activityLinks } from './lib/activity-links.js';
import { byNewest, cutPage, type TimelineItem } from './lib/timeline-page.js';
import { ReadScope } from './read-scope.service.js';
import { RecordsService } from './records.service.js';
import { MAX_TIES, TimelineSources, type TimelineRange } from './timeline-sources.service.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/**
 * `GET /api/records/{object}/{id}/timeline?limit=&before=`: history, stage changes, activities
 * and approvals of one record, newest first, merged and paged by instant: `nextBefore` is the
 * instant the next page starts strictly before. 404 unless the caller may read the record.
 */
@Injectable()
export class TimelineService {
  constructor(private readonly records: RecordsService, private readonly scopes: ReadScope, private readonly sources: TimelineSources) {}

  async timeline(user: CurrentUser, object: string, id: string, raw: Record<string, unknown>): Promise<{ data: TimelineItem[]; nextBefore: string | null }> {
    const { limit, before } = parseTimelineQuery(raw);
    await this.records.get(user, object, id);
    const all = await this.fetch(user, object, id, { before }, limit + 1);
    const { page, tieAt } = cutPage(all, limit);
    if (!tieAt) return { data: page, nextBefore: null };
    const ties = await this.fetch(user, object, id, { at: tieAt }, MAX_TIES);
    return { data: [...page, ...ties.sort(byNewest)], nextBefore: tieAt };
  }

  private async fetch(user: CurrentUser, object: string, id: string, range: TimelineRange, limit: number): Promise<TimelineItem[]> {
    const read = await this.scopes.of(user, object);
    const parts = await Promise.all([
      this.sources.history(read, id, range, limit),
      this.sources.stages(read, id, range, limit),
      this.sources.approvalItems(object, id, range, limit),
      ...activityLinks(read.set, object).map((link) => this.sources.activities(user, link, id, range, limit)),
    ]);
    return parts.flat();
  }
}

function parseTimelineQuery(raw: Record<string, unknown>): { limit: number; before?: string } {
  const problems: { path: string; message: string }[] = [];
  for (const k of Object.keys(raw)) if (k !== 'limit' && k !== 'before') problems.push({ path: `/${k}`, message: 'is not a parameter of the timeline' });
  let limit = DEFAULT_LIMIT;
  if (raw.limit !== undefined) {
    if (typeof raw.limit === 'string' && /^\d{1,3}$/.test(raw.limit) && +raw.limit >= 1 && +raw.limit <= MAX_LIMIT) limit = +raw.limit;
    else problems.push({ path: '/limit', message: `must be an integer from 1 to ${MAX_LIMIT}` });
  }
  let before: string | undefined;
  if (raw.before !== undefined) {
    const ms = typeof raw.before === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(raw.before) ? Date.parse(raw.before) : NaN;
    if (Number.isNaN(ms)) problems.push({ path: '/before', message: 'must be an ISO 8601 instant, as in nextBefore' });
    else before = new Date(ms).toISOString();
  }
  if (problems.length) throw badRequest('Invalid timeline query', problems);
  return { limit, before };
}
