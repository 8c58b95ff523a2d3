import { describe, expect, it } from 'vitest';
import { buildTeamTree, teamAndDescendantIds } from './team-tree';

const teams = [
  { id: 'sales', name: 'Sales', parent: null },
  { id: 'east', name: 'East', parent: 'sales' },
  { id: 'west', name: 'West', parent: { id: 'sales', name: 'Sales' } },
  { id: 'east-1', name: 'East 1', parent: 'east' },
  { id: 'ops', name: 'Operations', parent: 'gone' },
];

describe('buildTeamTree', () => {
  it('nests teams under their parent, sorted by name, with orphans as roots', () => {
    const tree = buildTeamTree(teams);
    expect(tree.map((node) => node.name)).toEqual(['Operations', 'Sales']);
    const sales = tree[1]!;
    expect(sales.children?.map((node) => node.name)).toEqual(['East', 'West']);
    expect(sales.children?.[0]?.children?.map((node) => node.id)).toEqual(['east-1']);
  });

  it('does not lose teams that form a cycle', () => {
    const tree = buildTeamTree([
      { id: 'a', name: 'A', parent: 'b' },
      { id: 'b', name: 'B', parent: 'a' },
    ]);
    expect(tree.map((node) => node.id).sort()).toEqual(['a', 'b']);
  });
});

describe('teamAndDescendantIds', () => {
  it('lists the team and everything below it', () => {
    expect([...teamAndDescendantIds(teams, 'east')].sort()).toEqual(['east', 'east-1']);
    expect(teamAndDescendantIds(teams, 'sales').size).toBe(4);
  });
});
