import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import { ApiProblem } from '@/api/api-problem';
import type { MigrationPlan, PlanChange } from '@/api/metadata-writes';
import { i18n, setLocale } from '@/i18n';
import MigrationPlanDialog from './MigrationPlanDialog.vue';
import { classCounts, classTagType, needsAcknowledgement, planRisk, whereUsedEntries } from './plan-review';
import { usePlanPublish } from './use-plan-publish';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));

const change = (cls: PlanChange['class'], kind: string, sql: string[] = []): PlanChange => ({
  kind, class: cls, sql, description: `${kind} description`,
});
const plan = (changes: PlanChange[], extra: Partial<MigrationPlan> = {}): MigrationPlan => ({
  hash: 'a'.repeat(64), changes, warnings: [], whereUsed: [], ...extra,
});

describe('plan review', () => {
  it('colours classes green, amber and red', () => {
    expect(classTagType('safe')).toBe('success');
    expect(classTagType('breaking')).toBe('warning');
    expect(classTagType('destructive')).toBe('danger');
  });

  it('counts the classes and asks for acknowledgement when any change is not safe', () => {
    const mixed = plan([change('safe', 'addColumn'), change('breaking', 'tightenConstraint'), change('safe', 'createIndex')]);
    expect(classCounts(mixed)).toEqual({ safe: 2, breaking: 1, destructive: 0 });
    expect(planRisk(mixed)).toBe('breaking');
    expect(needsAcknowledgement(mixed)).toBe(true);
    expect(needsAcknowledgement(plan([change('safe', 'addColumn')]))).toBe(false);
    expect(planRisk(plan([change('breaking', 'x'), change('destructive', 'archiveField')]))).toBe('destructive');
    expect(planRisk(plan([]))).toBe('safe');
  });

  it('reads where-used in either shape', () => {
    expect(whereUsedEntries(plan([], { whereUsed: ['/layouts/a', { path: '/objects/x/fields/y', usedBy: ['/roles/r'] }] }))).toEqual([
      { path: '/layouts/a', usedBy: [] },
      { path: '/objects/x/fields/y', usedBy: ['/roles/r'] },
    ]);
  });
});

describe('MigrationPlanDialog', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => {
    document.body.innerHTML = '';
  });

  async function open(p: MigrationPlan) {
    const wrapper = mount(MigrationPlanDialog, {
      props: { open: true, plan: p, title: 'Add field' },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    await flushPromises();
    return wrapper;
  }
  const inBody = (selector: string) => [...document.body.querySelectorAll(selector)];

  it('shows each change with its class as a coloured tag, its description and its SQL', async () => {
    await open(plan([
      change('safe', 'addColumn', ['ALTER TABLE "obj"."demo_item" ADD COLUMN "status" text']),
      change('destructive', 'archiveField'),
    ]));
    const tags = inBody('[data-testid="plan-class"]');
    expect(tags.map((tag) => tag.textContent?.trim())).toEqual(['Safe', 'Destructive']);
    expect(tags[0]!.className).toContain('el-tag--success');
    expect(tags[1]!.className).toContain('el-tag--danger');
    expect(document.body.textContent).toContain('addColumn description');
    expect(inBody('[data-testid="plan-sql"]')[0]!.textContent).toContain('ADD COLUMN "status" text');
    expect(inBody('[data-testid="plan-summary"]')[0]!.textContent).toMatch(/2 changes[\s\S]*Safe × 1[\s\S]*Destructive × 1/);
  });

  it('enables Apply for a safe plan at once, and for a destructive one only after the tick', async () => {
    const safe = await open(plan([change('safe', 'addColumn')]));
    expect(inBody('[data-testid="plan-acknowledge"]')).toHaveLength(0);
    expect((inBody('[data-testid="plan-apply"]')[0] as HTMLButtonElement).disabled).toBe(false);
    safe.unmount();
    document.body.innerHTML = '';

    const wrapper = await open(plan([change('destructive', 'archiveField')], { whereUsed: [{ path: '/objects/a/fields/b', usedBy: ['/layouts/a_default/sections/0/fields/3'] }] }));
    expect(document.body.textContent).toContain('/layouts/a_default/sections/0/fields/3');
    const apply = inBody('[data-testid="plan-apply"]')[0] as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    expect(apply.className).toContain('el-button--danger');
    (inBody('[data-testid="plan-acknowledge"] input')[0] as HTMLInputElement).click();
    await nextTick();
    expect(apply.disabled).toBe(false);
    apply.click();
    expect(wrapper.emitted('confirm')).toHaveLength(1);
  });
});

describe('usePlanPublish', () => {
  const conflict = () => new ApiProblem({ type: 'https://loom.dev/problems/conflict', title: 'Conflict', status: 409 });

  it('previews with dryRun, then applies the confirmed plan by its hash', async () => {
    const { dialog, publish, confirm } = usePlanPublish();
    const write = vi.fn(async (mode: object) => ('dryRun' in mode ? { plan: plan([change('safe', 'addColumn')]) } : { plan: plan([]), revision: 7 }));
    const result = publish('Add', write);
    await flushPromises();
    expect(dialog.open).toBe(true);
    expect(dialog.plan!.changes[0]!.kind).toBe('addColumn');
    confirm();
    await expect(result).resolves.toMatchObject({ revision: 7 });
    expect(write.mock.calls.map(([mode]) => mode)).toEqual([{ dryRun: true }, { plan: 'a'.repeat(64) }]);
    expect(dialog.open).toBe(false);
  });

  it('previews again when the plan changed before it was applied (409)', async () => {
    const { dialog, publish, confirm } = usePlanPublish();
    let applies = 0;
    const write = vi.fn(async (mode: object) => {
      if ('dryRun' in mode) return { plan: plan([change('safe', 'addColumn')], { hash: applies ? 'b'.repeat(64) : 'a'.repeat(64) }) };
      applies += 1;
      if (applies === 1) throw conflict();
      return { plan: plan([]), revision: 8 };
    });
    const result = publish('Add', write);
    await flushPromises();
    confirm();
    await flushPromises();
    expect(dialog.planChanged).toBe(true);
    expect(dialog.plan!.hash).toBe('b'.repeat(64));
    confirm();
    await expect(result).resolves.toMatchObject({ revision: 8 });
    expect(write.mock.calls.map(([mode]) => mode)).toEqual([{ dryRun: true }, { plan: 'a'.repeat(64) }, { dryRun: true }, { plan: 'b'.repeat(64) }]);
  });

  it('applies nothing when the admin cancels, and hands preview problems to the form', async () => {
    const { publish, cancel } = usePlanPublish();
    const write = vi.fn(async () => ({ plan: plan([]) }));
    const result = publish('Add', write);
    await flushPromises();
    cancel();
    await expect(result).resolves.toBeNull();
    expect(write).toHaveBeenCalledTimes(1);

    const invalid = new ApiProblem({ type: 'x', title: 'Validation failed', status: 422, errors: [{ path: '/name', message: 'bad' }] });
    await expect(usePlanPublish().publish('Add', async () => Promise.reject(invalid))).rejects.toBe(invalid);
  });
});
