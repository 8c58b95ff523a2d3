import { describe, expect, it } from 'vitest';
import { objectsHiddenByPlugins } from './hidden-objects';

describe('objectsHiddenByPlugins', () => {
  it('hides what disabled, failed and installed-only plugins define; keeps what enabled ones define', () => {
    const hidden = objectsHiddenByPlugins([
      { state: 'disabled', defines: ['loyalty_account', 'reward'] },
      { state: 'failed', defines: ['complaint'] },
      { state: 'installed', defines: ['service_visit'] },
      { state: 'enabled', defines: ['note_card'] },
      { state: 'available', defines: [] },
    ]);
    expect([...hidden].sort()).toEqual(['complaint', 'loyalty_account', 'reward', 'service_visit']);
  });

  it('keeps an object an enabled plugin also defines, and copes with a server that sends no `defines`', () => {
    const hidden = objectsHiddenByPlugins([{ state: 'disabled', defines: ['shared', 'gone'] }, { state: 'enabled', defines: ['shared'] }, { state: 'disabled' }]);
    expect([...hidden]).toEqual(['gone']);
  });
});
