import { describe, expect, it } from 'vitest';
import { boardFilter } from './board-filter';

describe('boardFilter', () => {
  it('is null without text and without "mine"', () => {
    expect(boardFilter({ titleField: 'name', text: '  ', mine: false })).toBeNull();
  });

  it('searches the title field, and adds the owner for "mine"', () => {
    expect(boardFilter({ titleField: 'subject', text: ' acme ', mine: false })).toEqual({ subject: { $contains: 'acme' } });
    expect(boardFilter({ text: '', mine: true })).toEqual({ owner: '$user.id' });
    expect(boardFilter({ text: 'acme', mine: true })).toEqual({ $and: [{ name: { $contains: 'acme' } }, { owner: '$user.id' }] });
  });
});
