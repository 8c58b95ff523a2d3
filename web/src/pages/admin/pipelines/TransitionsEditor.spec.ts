import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { reactive } from 'vue';
import { i18n, setLocale } from '@/i18n';
import { pipelineDocument, pipelineForm } from './pipeline-form';
import TransitionsEditor from './TransitionsEditor.vue';

function mountEditor() {
  const form = reactive(
    pipelineForm({
      kind: 'pipeline', name: 'p', object: 'lead', field: 'status',
      stages: [{ key: 'new', label: 'New' }, { key: 'working', label: 'Working' }, { key: 'won', label: 'Won', outcome: 'won' }],
    }),
  );
  const wrapper = mount(TransitionsEditor, { props: { form, modes: ['any', 'forward'] }, global: { plugins: [i18n] } });
  return { form, wrapper };
}

describe('TransitionsEditor', () => {
  beforeEach(() => setLocale('en'));

  it('offers any, forward and explicit, and shows no matrix until explicit is chosen', () => {
    const { wrapper } = mountEditor();
    expect(wrapper.findAll('.el-radio-button').map((button) => button.text())).toEqual(['Any stage', 'Forward only', 'Explicit']);
    expect(wrapper.find('[data-testid="transitions-matrix"]').exists()).toBe(false);
  });

  it('seeds the matrix from forward, and a tick changes the document', async () => {
    const { form, wrapper } = mountEditor();
    await wrapper.findAll('.el-radio-button input')[1]!.setValue(true);
    expect(form.transitionMode).toBe('forward');
    await wrapper.findAll('.el-radio-button input')[2]!.setValue(true);
    expect(form.transitionMode).toBe('explicit');
    expect(pipelineDocument(form).transitions).toEqual([
      { from: 'new', to: ['working', 'won'] },
      { from: 'working', to: ['won'] },
    ]);
    expect(wrapper.findAll('[data-testid="transitions-matrix"] tbody tr')).toHaveLength(3);

    await wrapper.find('[data-testid="transition-working-new"] input').setValue(true);
    await wrapper.find('[data-testid="transition-new-won"] input').setValue(false);
    expect(pipelineDocument(form).transitions).toEqual([
      { from: 'new', to: ['working'] },
      { from: 'working', to: ['new', 'won'] },
    ]);
  });
});
