import { beforeEach, describe, expect, it } from 'vitest';
import type { SavedView } from '@/api/views';
import { lastViewId, rememberLastView, viewDiffers, viewQuery } from './view-state';

const view: SavedView = {
  id: 'v1', object: 'lead', name: 'Hot', filter: { status: { $eq: 'hot' }, score: { $gte: 5 } }, sort: '-score', columns: ['name', 'score'],
  shared: false, owner: 'u1', ownerName: 'Ada', editable: true,
};

describe('viewDiffers', () => {
  it('is false for the same filter (in any key order), sort and columns', () => {
    expect(viewDiffers(view, { filter: { score: { $gte: 5 }, status: { $eq: 'hot' } }, sort: '-score', columns: ['name', 'score'] })).toBe(false);
  });

  it('notices a changed filter, sort or column list', () => {
    const same = { filter: view.filter, sort: view.sort, columns: view.columns };
    expect(viewDiffers(view, { ...same, filter: { status: { $eq: 'cold' } } })).toBe(true);
    expect(viewDiffers(view, { ...same, filter: null })).toBe(true);
    expect(viewDiffers(view, { ...same, sort: 'score' })).toBe(true);
    expect(viewDiffers(view, { ...same, columns: ['score', 'name'] })).toBe(true);
  });

  it('treats no columns and an empty column list alike (the defaults)', () => {
    expect(viewDiffers({ ...view, columns: null }, { filter: view.filter, sort: '-score', columns: [] })).toBe(false);
  });
});

describe('viewQuery', () => {
  it('puts the view id, filter JSON and sort into the address, or clears them', () => {
    expect(viewQuery(view)).toEqual({ view: 'v1', filter: JSON.stringify(view.filter), sort: '-score' });
    expect(viewQuery({ ...view, filter: null, sort: null })).toEqual({ view: 'v1', filter: null, sort: null });
    expect(viewQuery(null)).toEqual({ view: null, filter: null, sort: null });
  });
});

describe('last view per object', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the view per object and forgets it for the plain list', () => {
    rememberLastView('lead', 'v1');
    rememberLastView('account', 'v9');
    expect(lastViewId('lead')).toBe('v1');
    expect(lastViewId('contact')).toBeNull();
    rememberLastView('lead', null);
    expect(lastViewId('lead')).toBeNull();
    expect(lastViewId('account')).toBe('v9');
  });
});
