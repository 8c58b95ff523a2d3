import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { reactive } from 'vue';
import { i18n, setLocale } from '@/i18n';
import { scopeForm, scopeFromForm } from './role-form';
import ScopeSelect from './ScopeSelect.vue';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));

const NAMED = ['all', 'team', 'subordinates', 'own', 'none'] as const;

function mountScope(scope: ReturnType<typeof scopeForm>) {
  const pinia = createPinia();
  setActivePinia(pinia);
  return mount(ScopeSelect, { props: { scope, named: NAMED }, global: { plugins: [pinia, i18n] }, attachTo: document.body });
}

describe('ScopeSelect', () => {
  beforeEach(() => setLocale('en'));

  it('shows a condition scope as its condition, in words', async () => {
    const scope = reactive(scopeForm({ owner: '$user.id' }));
    const wrapper = mountScope(scope);
    await flushPromises();
    expect(wrapper.find('.summary').text()).toBe('owner = $user.id');
    wrapper.unmount();
  });

  it('drops the condition when a named scope is chosen, and offers yes/no only for a yes/no scope', async () => {
    const scope = reactive(scopeForm({ owner: '$user.id' }));
    const wrapper = mountScope(scope);
    await wrapper.find('.el-select__wrapper').trigger('click');
    await flushPromises();
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((item) => item.textContent?.trim());
    expect(options).toEqual(['—', 'All', 'Team', 'Subordinates', 'Own', 'None', 'Condition…']);
    (document.querySelectorAll('.el-select-dropdown__item')[2] as HTMLElement).click();
    await flushPromises();
    expect(scopeFromForm(scope)).toBe('team');
    expect(wrapper.find('.condition-input').exists()).toBe(false);
    wrapper.unmount();

    const yes = mountScope(reactive(scopeForm(true)));
    await yes.find('.el-select__wrapper').trigger('click');
    await flushPromises();
    expect([...document.querySelectorAll('.el-select-dropdown__item')].map((item) => item.textContent?.trim())).toContain('Yes');
    yes.unmount();
  });
});
