import { PluginProblem } from '@loom/plugin-sdk';
import { codeForStatus, ProblemError } from '../common/problem.js';

/** A plugin's PluginProblem as the API's problem, naming the plugin; only 4xx statuses pass (else 422). */
export function fromPluginProblem(plugin: string, e: PluginProblem): ProblemError {
  const { status, detail, errors, code } = e.problem;
  const problemCode = status >= 400 && status < 500 ? codeForStatus(status) : 'validation';
  return new ProblemError(problemCode, detail ?? `Rejected by plugin ${plugin}`, { plugin, ...(code ? { code } : {}), ...(errors ? { errors } : {}) });
}

/** A plugin that crashed or hung where the write cannot go on without it: 503 naming the plugin (fail closed). */
export function pluginUnavailable(plugin: string, reason: string): ProblemError {
  return new ProblemError('unavailable', `Plugin ${plugin} failed: ${reason}`, { plugin });
}

/** A plugin asked for an object its plugin.json does not declare. */
export function objectNotDeclared(plugin: string, object: string): ProblemError {
  return new ProblemError('forbidden', `Plugin ${plugin} did not declare object ${object} in plugin.json permissions.objects`, { plugin, code: 'plugin_object_not_declared', object });
}

export function isPluginProblem(e: unknown): e is PluginProblem {
  return PluginProblem.is(e);
}
