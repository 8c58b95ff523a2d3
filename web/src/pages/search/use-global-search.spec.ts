import { describe, expect, it, vi } from 'vitest';
import type { ObjectDef } from '@loom/metadata';
import { searchableObjects, useGlobalSearch } from './use-global-search';

const object = (name: string, over: Partial<ObjectDef> = {}) => ({ kind: 'object', name, label: name, titleField: 'name', searchFields: ['name'], fields: {}, ...over }) as ObjectDef;

describe('global search', () => {
  it('covers live objects that have search fields', () => {
    const objects = [object('account'), object('tag', { searchFields: [] }), object('old', { archived: true }), object('note', { searchFields: undefined })];
    expect(searchableObjects(objects).map((o) => o.name)).toEqual(['account']);
  });

  it('asks each object for a few records matching q, and groups the answers by object', async () => {
    const list = vi.fn(async (name: string) => (name === 'contact' ? { data: [], nextCursor: null, total: 0 } : { data: [{ id: `${name}-1`, name: 'Acme' }], nextCursor: null, total: 7 }));
    const search = useGlobalSearch({ list });
    await search.search(' acme ', [object('account'), object('contact')]);
    expect(list).toHaveBeenCalledWith('account', { q: 'acme', limit: 5, count: true });
    expect(search.groups.value).toEqual([
      { object: 'account', status: 'done', records: [{ id: 'account-1', name: 'Acme' }], total: 7 },
      { object: 'contact', status: 'done', records: [], total: 0 },
    ]);
    expect(search.running.value).toBe(false);
  });

  it('keeps a failed object apart and runs at most four requests at once', async () => {
    let inFlight = 0;
    let most = 0;
    const list = vi.fn(async (name: string) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      if (name === 'o3') throw new Error('403');
      return { data: [], nextCursor: null, total: 0 };
    });
    const search = useGlobalSearch({ list });
    await search.search('x', ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'].map((n) => object(n)));
    expect(most).toBe(4);
    expect(search.groups.value.find((g) => g.object === 'o3')?.status).toBe('failed');
    expect(search.groups.value.filter((g) => g.status === 'done')).toHaveLength(5);
  });

  it('searches nothing for a blank q, and drops the answers of an older search', async () => {
    const search = useGlobalSearch({ list: vi.fn() });
    await search.search('  ', [object('account')]);
    expect(search.groups.value).toEqual([]);

    let release!: () => void;
    const slow = vi.fn(() => new Promise<{ data: { id: string }[]; nextCursor: null }>((resolve) => (release = () => resolve({ data: [{ id: 'old' }], nextCursor: null }))));
    const racing = useGlobalSearch({ list: slow });
    const first = racing.search('old', [object('account')]);
    const second = racing.search('new', []);
    release();
    await Promise.all([first, second]);
    expect(racing.groups.value).toEqual([]);
  });
});
