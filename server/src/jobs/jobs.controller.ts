import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminOnly, isAdmin, User, type CurrentUser } from '../auth/current-user.js';
import { badRequest, conflict, notFound } from '../common/problem.js';
import { JOB_QUEUE, type JobQueue, type JobState } from './job-queue.js';
import { jobView } from './job-view.js';

const STATES: JobState[] = ['queued', 'running', 'done', 'failed', 'dead'];

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  /** Admin: jobs in one state, newest first — `?status=dead` is the dead-letter list. */
  @Get()
  @AdminOnly()
  async list(@Query() query: Record<string, string>) {
    const extra = Object.keys(query).filter((k) => k !== 'status' && k !== 'limit');
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}`, extra.map((k) => ({ path: `/${k}`, message: 'is not a parameter' })));
    const state = (query.status ?? 'dead') as JobState;
    if (!STATES.includes(state)) throw badRequest(`status must be one of ${STATES.join(', ')}`, [{ path: '/status', message: 'unknown status' }]);
    const limit = query.limit === undefined ? 100 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('limit must be an integer from 1 to 500', [{ path: '/limit', message: 'out of range' }]);
    return { data: (await this.queue.list(state, limit)).map(jobView) };
  }

  /** A job the caller started (admins: any job); 404 otherwise, so ids of others' jobs reveal nothing. */
  @Get(':id')
  async get(@User() user: CurrentUser, @Param('id') id: string) {
    const job = await this.queue.get(id);
    if (!job || (!isAdmin(user) && job.owner !== user.id)) throw notFound(`No job ${id}`);
    return jobView(job);
  }

  /** Admin: a dead job runs again with fresh attempts. */
  @Post(':id/retry')
  @AdminOnly()
  @HttpCode(200)
  async retry(@Param('id') id: string) {
    const job = await this.queue.get(id);
    if (!job) throw notFound(`No job ${id}`);
    if (!(await this.queue.retry(id))) throw conflict(`Job ${id} is ${job.state}; only dead jobs can be retried`);
    return jobView((await this.queue.get(id)) ?? job);
  }
}
