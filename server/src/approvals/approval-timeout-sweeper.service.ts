import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import type { RequestRow } from './approval-store.js';
import { ApprovalCommands } from './approval-commands.service.js';
import { ApprovalDecidedHooks, type Decided } from './approval-decided-hooks.service.js';

export const SWEEP_INTERVAL_MS = 2_000;
/** A timeout that fails (say, the next step has no approver left) is tried again this much later, not in a loop. */
const RETRY_AFTER_FAILURE = '5 minutes';
const MAX_PER_SWEEP = 200;

/**
 * Step timeouts (DESIGN.md §2): each open task carries its step's `due_at`; every worker process polls
 * for tasks past due and fires their step's timeout action. `FOR UPDATE SKIP LOCKED` on the request lets
 * several workers sweep at once without firing one timeout twice, and a request an approver is acting on
 * is skipped until the next sweep. The deadline is a column, so timeouts survive restarts.
 */
@Injectable()
export class ApprovalTimeoutSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('approvals');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly db: Db, private readonly commands: ApprovalCommands, @Inject(LOOM_CONFIG) private readonly config: LoomConfig,
    private readonly decidedHooks: ApprovalDecidedHooks) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Fires every timeout that is due; returns how many fired. */
  sweep(): Promise<number> {
    this.running ??= this.fireAll().finally(() => { this.running = null; });
    return this.running;
  }

  private async fireAll(): Promise<number> {
    let fired = 0;
    try {
      while (fired < MAX_PER_SWEEP && this.timer !== null && await this.fireOne()) fired++;
    } catch (e) {
      this.logger.warn({ msg: 'approval timeout sweep failed', err: String(e) });
    }
    return fired;
  }

  private async fireOne(): Promise<boolean> {
    let decided: Decided | null = null;
    const fired = await this.db.tx(async (tx) => {
      const [req] = await tx.query<RequestRow>(
        `SELECT r.* FROM core.approval_task t JOIN core.approval_request r ON r.id = t.request_id AND r.step = t.step AND r.status = 'pending'
          WHERE t.status = 'open' AND t.due_at <= now() ORDER BY t.due_at LIMIT 1 FOR UPDATE OF r SKIP LOCKED`);
      if (!req) return false;
      const [claimed] = await tx.query<{ version: number }>(`UPDATE core.approval_request SET version = version + 1 WHERE id = $1 RETURNING version`, [req.id]);
      const due = await tx.query<{ id: string }>(
        `SELECT id FROM core.approval_task WHERE request_id = $1 AND step = $2 AND status = 'open' AND due_at <= now()`, [req.id, req.step]);
      await tx.query('SAVEPOINT approval_timeout');
      try {
        decided = await this.commands.run(tx, { ...req, version: claimed.version }, { kind: 'timeout', due: due.map((d) => d.id) });
      } catch (e) {
        await tx.query('ROLLBACK TO SAVEPOINT approval_timeout');
        this.logger.warn({ msg: 'approval timeout failed; retrying later', request: req.id, err: e instanceof Error ? e.message : String(e) });
        await tx.query(`UPDATE core.approval_task SET due_at = now() + $2::interval WHERE id = ANY($1::uuid[])`, [due.map((d) => d.id), RETRY_AFTER_FAILURE]);
      }
      return true;
    });
    await this.decidedHooks.deliver(decided);
    return fired;
  }
}
