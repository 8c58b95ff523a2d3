import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentUser, User } from '../auth/current-user.js';
import { badRequest, notFound } from '../common/problem.js';
import { parseBody } from '../common/parse-body.js';
import { PluginJobs } from './plugin-jobs.service.js';
import { PluginLifecycle } from './plugin-lifecycle.service.js';
import { PluginRuntime } from './plugin-runtime.service.js';

const configSchema = { type: 'object', maxProperties: 100 };
const installSchema = { type: 'object', additionalProperties: false, properties: { config: configSchema } };

function flag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest(`${name} must be true or false`, [{ path: `/${name}`, message: 'is not true or false' }]);
}

/** `GET /api/plugins` and the admin lifecycle actions (API.md "Plugins"). */
@ApiTags('plugins')
@ApiBearerAuth()
@Controller('plugins')
export class PluginsController {
  constructor(private readonly runtime: PluginRuntime, private readonly lifecycle: PluginLifecycle, private readonly jobs: PluginJobs) {}

  @Get()
  list() {
    this.runtime.scan();
    return this.runtime.list();
  }

  @Post(':name/install')
  @AdminOnly()
  @HttpCode(200)
  install(@User() user: CurrentUser, @Param('name') name: string, @Body() body: unknown) {
    const { config } = parseBody<{ config?: Record<string, unknown> }>(installSchema, body ?? {});
    return this.lifecycle.install(name, user, config);
  }

  @Post(':name/enable')
  @AdminOnly()
  @HttpCode(200)
  enable(@Param('name') name: string) {
    return this.lifecycle.enable(name);
  }

  @Post(':name/disable')
  @AdminOnly()
  @HttpCode(200)
  disable(@Param('name') name: string) {
    return this.lifecycle.disable(name);
  }

  @Post(':name/upgrade')
  @AdminOnly()
  @HttpCode(200)
  upgrade(@User() user: CurrentUser, @Param('name') name: string) {
    return this.lifecycle.upgrade(name, user);
  }

  @Post(':name/uninstall')
  @AdminOnly()
  @HttpCode(200)
  uninstall(@User() user: CurrentUser, @Param('name') name: string, @Query('dryRun') dryRun?: string, @Query('purge') purge?: string) {
    return this.lifecycle.uninstall(name, user, { dryRun: flag(dryRun, 'dryRun'), purge: flag(purge, 'purge') });
  }

  @Put(':name/config')
  @AdminOnly()
  setConfig(@Param('name') name: string, @Body() body: unknown) {
    return this.lifecycle.setConfig(name, parseBody<Record<string, unknown>>(configSchema, body));
  }

  /** Runs one of an enabled plugin's jobs now, through the job queue (operations, tests). */
  @Post(':name/jobs/:job')
  @AdminOnly()
  @HttpCode(202)
  async runJob(@Param('name') name: string, @Param('job') job: string, @Body() body: unknown) {
    const plugin = this.runtime.enabled(name);
    if (!plugin?.definition.jobs?.[job]) throw notFound(`Plugin ${name} is not enabled or has no job ${job}`);
    return { job: await this.jobs.enqueue(name, job, body ?? null) };
  }
}
