import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { reactive } from 'vue';
import type { ObjectDef } from '@loom/metadata';
import { ApiProblem } from '@/api/api-problem';
import { formErrorsFromProblem } from '@/api/problem-form-errors';
import { i18n, setLocale } from '@/i18n';
import { formFieldNames, formSections, newRecordValues } from './record-form-model';
import RecordForm from './RecordForm.vue';

vi.mock('@/router', () => ({ router: { currentRoute: { value: { matched: [], meta: {} } }, replace: vi.fn() } }));

const item: ObjectDef = {
  kind: 'object',
  name: 'item',
  label: 'Item',
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true },
    email: { type: 'email', label: 'Email' },
    status: { type: 'select', label: 'Status', options: [{ key: 'new', label: 'New', color: '#67c23a' }] },
    code: { type: 'autonumber', label: 'Code', pattern: 'IT-{0000}' },
  },
};

async function mountForm(errors: Record<string, string>, isNew = true) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const wrapper = mount(RecordForm, {
    props: { object: item, sections: formSections(item, undefined), values: reactive(newRecordValues(item)), errors, isNew },
    global: { plugins: [pinia, i18n] },
  });
  // The registry's inputs are async components: wait until they have all rendered.
  await vi.waitFor(() => {
    const contents = wrapper.findAll('.el-form-item__content');
    if (contents.some((content) => !content.element.querySelector('input, .computed-value'))) throw new Error('loading');
  }, { timeout: 10_000 }); // the first import of each input chunk is slow on a busy machine
  await flushPromises();
  return wrapper;
}

describe('RecordForm', () => {
  beforeEach(() => setLocale('en'));

  it('generates one item per field with its label, marking required ones', async () => {
    const wrapper = await mountForm({});
    const labels = wrapper.findAll('.el-form-item__label').map((label) => label.text());
    expect(labels).toEqual(['Name', 'Email', 'Status']);
    expect(wrapper.find('[data-testid="field-name"]').classes()).toContain('is-required');
    expect(wrapper.find('[data-testid="field-email"]').classes()).not.toContain('is-required');
    expect(wrapper.find('[data-testid="field-name"] input').exists()).toBe(true);
  });

  it('shows computed fields only on saved records', async () => {
    expect((await mountForm({}, false)).find('[data-testid="field-code"]').exists()).toBe(true);
    expect((await mountForm({}, true)).find('[data-testid="field-code"]').exists()).toBe(false);
  });

  it('puts a 422 problem’s errors[].path messages under the matching fields', async () => {
    const problem = new ApiProblem({
      type: 'https://loom.dev/problems/validation',
      title: 'Validation failed',
      status: 422,
      errors: [
        { path: '/name', message: 'is required' },
        { path: '/email', message: 'must be a valid email' },
        { path: '/nope', message: 'is not a field' },
      ],
    });
    const mapped = formErrorsFromProblem(problem, formFieldNames(item));
    expect(mapped.general).toEqual(['nope: is not a field']);
    const wrapper = await mountForm(mapped.fields);
    // Element Plus shows a form item's error after a short debounce.
    await vi.waitFor(() => expect(wrapper.find('[data-testid="field-name"] .el-form-item__error').exists()).toBe(true), { timeout: 10_000 });
    expect(wrapper.find('[data-testid="field-name"] .el-form-item__error').text()).toBe('is required');
    expect(wrapper.find('[data-testid="field-email"] .el-form-item__error').text()).toBe('must be a valid email');
    expect(wrapper.find('[data-testid="field-status"] .el-form-item__error').exists()).toBe(false);
  });

  it('labels fields in Chinese', async () => {
    setLocale('zh-CN');
    const wrapper = await mountForm({});
    expect(wrapper.find('[data-testid="field-name"] .el-form-item__label').text()).toBe('名称');
  });
});
