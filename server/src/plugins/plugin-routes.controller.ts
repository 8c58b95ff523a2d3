import { All, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isPluginResponse } from '@loom/plugin-sdk';
import { CurrentUser, User } from '../auth/current-user.js';
import { forbidden, notFound, ProblemError } from '../common/problem.js';
import { matchRoutePath } from './match-route-path.js';
import { fromPluginProblem, isPluginProblem, pluginUnavailable } from './plugin-problem.js';
import { PluginRuntime } from './plugin-runtime.service.js';
import { RecordHooks } from './record-hooks.service.js';
import { PluginCallFailed } from './run-guarded.js';

/** A plugin's own endpoints under `/api/plugins/<name>/...` (enabled plugins only), with the caller's context. */
@ApiExcludeController()
@Controller('plugins')
export class PluginRoutesController {
  constructor(private readonly runtime: PluginRuntime, private readonly hooks: RecordHooks) {}

  @All(':name/*')
  async dispatch(@User() user: CurrentUser, @Param('name') name: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const plugin = this.runtime.enabled(name);
    if (!plugin) throw notFound(`Plugin ${name} is not enabled`);
    const prefix = `/api/plugins/${name}`;
    const path = req.url.split('?')[0]!.slice(req.url.indexOf(prefix) + prefix.length) || '/';
    const match = (plugin.definition.routes ?? []).map((route) => ({ route, params: route.method === req.method ? matchRoutePath(route.path, path) : null })).find((m) => m.params);
    if (!match) throw notFound(`No route ${req.method} ${path} in plugin ${name}`);
    const { route, params } = match as { route: typeof match.route; params: Record<string, string> };
    if (route.auth === 'apiKey' && user.via !== 'apiKey') throw forbidden(`This endpoint of plugin ${name} takes an API key`);
    let result: unknown;
    try {
      result = await this.hooks.call(plugin, `route ${req.method} ${route.path}`, () => route.handler(plugin.context(user), {
        params, query: (req.query ?? {}) as Record<string, string>, body: req.body ?? null, user: { id: user.id, roles: user.roles },
      }));
    } catch (e) {
      if (isPluginProblem(e)) throw fromPluginProblem(name, e);
      if (e instanceof ProblemError) throw e;
      if (e instanceof PluginCallFailed) throw pluginUnavailable(name, e.message);
      throw e;
    }
    const { status, body } = isPluginResponse(result) ? result : { status: result === undefined ? 204 : 200, body: result };
    reply.status(status);
    if (body === undefined) return reply.send();
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  }
}
