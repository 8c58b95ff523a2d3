import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { i18n } from '@/i18n';
import { useWebPluginsStore } from '@/stores/web-plugins';
import FieldValue from '@/fields/FieldValue.vue';
import PluginListActions from './PluginListActions.vue';
import { WebPluginRegistry } from './web-plugin-registry';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));
vi.mock('virtual:loom-web-plugins', () => ({ default: {} }));

function withPlugins(definition: object) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useWebPluginsStore().registry = new WebPluginRegistry([{ name: 'demo', definition }]);
  return { global: { plugins: [pinia, i18n] } };
}

describe('PluginListActions', () => {
  it('shows an object\'s actions once rows are selected; running one gets the ids and reloads the list', async () => {
    const run = vi.fn(async () => undefined);
    const options = withPlugins({ listActions: [{ id: 'tag', object: 'contact', label: { en: 'Tag them' }, run }, { id: 'other', object: 'account', label: 'Other', run }] });
    const none = mount(PluginListActions, { props: { object: 'contact', selectedIds: [] }, ...options });
    expect(none.find('button').exists()).toBe(false);
    const wrapper = mount(PluginListActions, { props: { object: 'contact', selectedIds: ['c1', 'c2'] }, ...options });
    const buttons = wrapper.findAll('button');
    expect(buttons.map((b) => b.text())).toEqual(['Tag them']);
    await buttons[0]!.trigger('click');
    await flushPromises();
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ object: 'contact', ids: ['c1', 'c2'] }));
    expect(wrapper.emitted('done')).toHaveLength(1);
  });
});

describe('FieldValue with a plugin renderer', () => {
  const Stars = { props: ['value', 'object', 'field'], template: '<b class="stars">{{ field }}:{{ value }}</b>' };

  it('uses the renderer named for the object and field, and the type\'s display elsewhere', () => {
    const options = withPlugins({ fieldRenderers: [{ object: 'contact', field: 'score', component: Stars }] });
    const rendered = mount(FieldValue, { props: { field: { type: 'integer' }, value: 4, object: 'contact', name: 'score' }, ...options });
    expect(rendered.find('.stars').text()).toBe('score:4');
    const plain = mount(FieldValue, { props: { field: { type: 'integer' }, value: 4, object: 'account', name: 'score' }, ...options });
    expect(plain.find('.stars').exists()).toBe(false);
    expect(plain.text()).toBe('4');
  });
});
