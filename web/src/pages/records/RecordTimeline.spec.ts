import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { ObjectDef } from '@loom/metadata';
import { i18n, setLocale } from '@/i18n';
import { useAuthStore } from '@/stores/auth';
import { useMetadataStore } from '@/stores/metadata';
import RecordTimeline from './RecordTimeline.vue';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
const api = vi.hoisted(() => ({ recordTimeline: vi.fn() }));
vi.mock('@/api/records', () => api);
vi.mock('@/api/request', () => ({ request: vi.fn().mockRejectedValue(new Error('not in this spec')) }));

const object = { name: 'opportunity', label: 'Deal', titleField: 'name', fields: { name: { type: 'text', label: 'Name' } } } as unknown as ObjectDef;
const edit = (at: string, to: string) => ({ kind: 'history', at, by: 'rep', action: 'update', version: 2, changes: { name: { from: 'A', to } } });

async function mountTimeline() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().setSession('jwt', { id: 'rep', email: 'rep@loom.test', name: 'Ray Rep', roles: [] });
  Object.assign(useMetadataStore(), { document: { revision: 1, objects: { opportunity: object } }, loaded: true });
  const wrapper = mount(RecordTimeline, {
    props: { object, recordId: 'o1', currentVersion: 2 },
    global: { plugins: [pinia, i18n], stubs: { RouterLink: { template: '<a><slot /></a>' } } },
  });
  await flushPromises();
  return wrapper;
}

describe('RecordTimeline', () => {
  beforeEach(() => {
    setLocale('en');
    api.recordTimeline.mockReset();
  });

  it('shows one item per entry with its author, and loads the older page from nextBefore', async () => {
    api.recordTimeline.mockResolvedValueOnce({ data: [edit('2026-11-30T10:00:00.000Z', 'B')], nextBefore: '2026-11-30T10:00:00.000Z' });
    const wrapper = await mountTimeline();
    expect(api.recordTimeline).toHaveBeenCalledWith('opportunity', 'o1');
    expect(wrapper.findAll('[data-testid="timeline-history"]')).toHaveLength(1);
    expect(wrapper.text()).toContain('Name: A → B');
    expect(wrapper.text()).toContain('by Ray Rep');

    api.recordTimeline.mockResolvedValueOnce({ data: [edit('2026-11-29T10:00:00.000Z', 'C')], nextBefore: null });
    await wrapper.find('[data-testid="timeline-more"]').trigger('click');
    await flushPromises();
    expect(api.recordTimeline).toHaveBeenLastCalledWith('opportunity', 'o1', '2026-11-30T10:00:00.000Z');
    expect(wrapper.findAll('[data-testid="timeline-history"]')).toHaveLength(2);
    expect(wrapper.find('[data-testid="timeline-more"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('That is everything.');
  });

  it('says when nothing happened yet', async () => {
    api.recordTimeline.mockResolvedValueOnce({ data: [], nextBefore: null });
    const wrapper = await mountTimeline();
    expect(wrapper.find('[data-testid="timeline-empty"]').text()).toContain('Nothing has happened on this record yet.');
  });

  it('says when the timeline could not be loaded, and tries again', async () => {
    api.recordTimeline.mockRejectedValueOnce(new Error('down'));
    const wrapper = await mountTimeline();
    expect(wrapper.find('[data-testid="timeline-failed"]').text()).toContain('The timeline could not be loaded.');
    api.recordTimeline.mockResolvedValueOnce({ data: [edit('2026-11-30T10:00:00.000Z', 'B')], nextBefore: null });
    await wrapper.find('[data-testid="timeline-retry"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="timeline-failed"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="timeline-history"]')).toHaveLength(1);
  });
});
