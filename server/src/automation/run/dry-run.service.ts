import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isDateTrigger, isRecordTrigger, type AutomationDef } from '@loom/metadata';
import type { CurrentUser } from '../../auth/current-user.js';
import { badRequest, notFound } from '../../common/problem.js';
import { Db } from '../../database/db.js';
import { MetadataRegistry } from '../../metadata/metadata-registry.service.js';
import { isUuid } from '../../users/users.service.js';
import { AUTOMATION_SETTINGS, type AutomationSettings } from '../automation-settings.js';
import { describePlannedAction, planAction, type ActionEvent, type PlannedAction } from '../actions/plan-action.js';
import { AutomationRecords, type AnyRecord } from '../records/automation-records.service.js';
import { addDays } from '../schedule/date-trigger.js';
import { checkDestination } from '../webhook/egress-request.js';
import { findAutomationLoop, MAX_CHAIN_DEPTH } from './loop-guard.js';

const EVENT_OF = { created: 'record.created', updated: 'record.updated', deleted: 'record.deleted', stageChanged: 'record.updated', approvalDecided: 'approval.decided' } as const;

/**
 * `POST /api/automations/{name}/dry-run`: whether the trigger's condition holds for the record,
 * every action rendered as it would run (writes validated, webhook destinations checked), and
 * a possible loop. Nothing is written, sent or enqueued.
 */
@Injectable()
export class DryRunService {
  constructor(
    private readonly db: Db,
    private readonly registry: MetadataRegistry,
    private readonly records: AutomationRecords,
    @Inject(AUTOMATION_SETTINGS) private readonly settings: AutomationSettings,
  ) {}

  async dryRun(user: CurrentUser, name: string, body: unknown) {
    const set = this.registry.current().set;
    const def = (Object.hasOwn(set.automations, name) ? set.automations[name] : undefined) as AutomationDef | undefined;
    if (!def) throw notFound(`No automation ${name}`);
    const recordId = readRecordId(body);
    const object: string | null = 'object' in def.trigger ? def.trigger.object ?? null : null;
    if (recordId && !object) throw badRequest('This automation runs without a record; send {}', [{ path: '/recordId', message: 'not used by this trigger' }]);
    if (!recordId && object) throw badRequest(`recordId is required: the automation runs for a ${object}`, [{ path: '/recordId', message: 'is required' }]);
    const now = new Date();
    let record: AnyRecord | null = null;
    if (object && recordId) {
      record = isUuid(recordId)
        ? await this.records.read(this.db, object, recordId, { userId: user.id, now }) ?? await this.records.read(this.db, object, recordId, { deleted: true, userId: user.id, now })
        : null;
      if (!record) throw notFound(`No ${object} ${recordId}`);
    }
    const where = 'where' in def.trigger ? def.trigger.where : undefined;
    const matches = record && object ? await this.records.matches(this.db, object, record, where, { userId: user.id, now }) : true;
    const event: ActionEvent = {
      automation: name, eventId: randomUUID(), object, recordId: recordId ?? null,
      event: isRecordTrigger(def.trigger) ? EVENT_OF[def.trigger.event] : isDateTrigger(def.trigger) ? 'date' : 'schedule',
    };
    const ctx = { record, user: { id: user.id, email: user.email, name: user.name }, event: { id: event.eventId, type: event.event, at: now.toISOString() }, automation: name, now };
    const actions = [];
    for (const [i, action] of def.actions.entries()) {
      try {
        const planned = planAction(action, i, event, ctx);
        actions.push({ ...describePlannedAction(planned), ...(await this.check(planned, user.id, now, record)) });
      } catch (e) {
        actions.push({ index: i, type: action.type, problems: [{ path: `/actions/${i}`, message: e instanceof Error ? e.message : String(e) }] });
      }
    }
    const chain = findAutomationLoop(set, name);
    return {
      automation: name, enabled: def.enabled !== false, recordId, matches, actions,
      ...(isDateTrigger(def.trigger) && record ? { firesOn: firesOn(record[def.trigger.dateField], def.trigger.offsetDays) } : {}),
      loop: chain ? { chain, message: `${chain.join(' → ')} may trigger each other; runs deeper than ${MAX_CHAIN_DEPTH} are stopped and logged as loop` } : null,
    };
  }

  private async check(p: PlannedAction, actorId: string, now: Date, record: AnyRecord | null): Promise<Record<string, unknown>> {
    if (p.type === 'createRecord') return problems(this.records.check(p.object, 'create', p.values, actorId, now));
    if (p.type === 'updateRecord') return problems(this.records.check(p.object, 'update', p.values, actorId, now, record ?? undefined));
    if (p.type === 'webhook') {
      try {
        await checkDestination(new URL(p.url), { allowHosts: this.settings.webhookAllowHosts });
        return { destination: 'allowed' };
      } catch (e) {
        return { destination: `refused: ${e instanceof Error ? e.message : String(e)}` };
      }
    }
    if (p.type === 'sendEmail' && !this.settings.smtpUrl) return { problems: [{ path: '', message: 'email is not configured: set LOOM_SMTP_URL' }] };
    return {};
  }
}

function problems(list: { path: string; message: string }[] | null) {
  return list ? { problems: list } : {};
}

function readRecordId(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be { "recordId" }');
  const extra = Object.keys(body).filter((k) => k !== 'recordId');
  if (extra.length) throw badRequest('Unknown field(s) in the body', extra.map((k) => ({ path: `/${k}`, message: 'is not a field of a dry-run' })));
  const id = (body as { recordId?: unknown }).recordId;
  if (id !== undefined && typeof id !== 'string') throw badRequest('recordId must be a string', [{ path: '/recordId', message: 'must be a string' }]);
  return id as string | undefined;
}

function firesOn(value: unknown, offsetDays: number): string | null {
  return typeof value === 'string' && value.length >= 10 ? addDays(value.slice(0, 10), offsetDays) : null;
}
