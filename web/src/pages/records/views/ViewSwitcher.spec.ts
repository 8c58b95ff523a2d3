import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import type { SavedView } from '@/api/views';
import { i18n, setLocale } from '@/i18n';
import { rememberLastView } from './view-state';
import type { ListState } from './view-state';
import ViewSwitcher from './ViewSwitcher.vue';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
const { listViews } = vi.hoisted(() => ({ listViews: vi.fn() }));
vi.mock('@/api/views', () => ({ listViews, createView: vi.fn(), updateView: vi.fn(), deleteView: vi.fn() }));

const hot: SavedView = {
  id: 'v1', object: 'lead', name: 'Hot leads', filter: { rating: { $gte: 4 } }, sort: '-rating', columns: null,
  shared: true, owner: 'u2', ownerName: 'Ada', editable: false,
};
const plainState: ListState = { filter: null, sort: null, columns: null };

async function mountSwitcher(props: { activeId: string | null; state: ListState; plain: boolean }) {
  const wrapper = mount(ViewSwitcher, { props: { object: 'lead', ...props }, global: { plugins: [createPinia(), i18n] } });
  await flushPromises();
  return wrapper;
}

describe('ViewSwitcher', () => {
  beforeEach(() => {
    setLocale('en');
    listViews.mockReset().mockResolvedValue([hot]);
  });

  it('opens the view last shown for the object when the list comes plain', async () => {
    rememberLastView('lead', 'v1');
    const wrapper = await mountSwitcher({ activeId: null, state: plainState, plain: true });
    expect(listViews).toHaveBeenCalledWith('lead');
    expect(wrapper.emitted('apply')).toEqual([[hot]]);
  });

  it('forgets a remembered view that is gone, and shows the plain list', async () => {
    rememberLastView('lead', 'deleted-view');
    const wrapper = await mountSwitcher({ activeId: null, state: plainState, plain: true });
    expect(wrapper.emitted('apply')).toBeUndefined();
    expect(localStorage.getItem('loom.view.lead')).toBeNull();
  });

  it('leaves a list that has its own filter or sort alone', async () => {
    rememberLastView('lead', 'v1');
    const wrapper = await mountSwitcher({ activeId: null, state: { ...plainState, sort: 'name' }, plain: false });
    expect(wrapper.emitted('apply')).toBeUndefined();
    expect(wrapper.get('[data-testid="view-current"]').text()).toBe('All records');
  });

  it('opens a view named only by the address (?view=), even without a remembered one', async () => {
    const wrapper = await mountSwitcher({ activeId: 'v1', state: plainState, plain: true });
    expect(wrapper.emitted('apply')).toEqual([[hot]]);
  });

  it('names the active view and marks it modified when the list shows something else', async () => {
    const same = { filter: hot.filter, sort: hot.sort, columns: null };
    const wrapper = await mountSwitcher({ activeId: 'v1', state: same, plain: false });
    expect(wrapper.get('[data-testid="view-current"]').text()).toBe('Hot leads');
    expect(wrapper.find('[data-testid="view-modified"]').exists()).toBe(false);
    await wrapper.setProps({ state: { ...same, sort: 'name' } });
    expect(wrapper.find('[data-testid="view-modified"]').exists()).toBe(true);
  });
});
