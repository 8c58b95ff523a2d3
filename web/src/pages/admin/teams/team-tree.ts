import { referenceId } from '@/api/reference';
import type { Team } from '@/api/teams';

export interface TeamNode extends Team {
  children?: TeamNode[];
}

/** Nests teams under their parents; a team whose parent is unknown (or part of a cycle) is a root. */
export function buildTeamTree(teams: readonly Team[]): TeamNode[] {
  const nodes = new Map<string, TeamNode>(teams.map((team) => [team.id, { ...team }]));
  const roots: TeamNode[] = [];
  for (const node of nodes.values()) {
    const parentId = referenceId(node.parent);
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && parentId !== node.id && !isAncestor(node.id, parentId!, teams)) {
      (parent.children ??= []).push(node);
    } else {
      roots.push(node);
    }
  }
  const byName = (a: TeamNode, b: TeamNode) => a.name.localeCompare(b.name);
  const sort = (list: TeamNode[]) => {
    list.sort(byName);
    for (const node of list) if (node.children) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The team itself and every team below it: none of them may become its parent. */
export function teamAndDescendantIds(teams: readonly Team[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const team of teams) {
      const parentId = referenceId(team.parent);
      if (parentId && result.has(parentId) && !result.has(team.id)) {
        result.add(team.id);
        grew = true;
      }
    }
  }
  return result;
}

function isAncestor(candidate: string, of: string, teams: readonly Team[]): boolean {
  const parentOf = new Map(teams.map((team) => [team.id, referenceId(team.parent)]));
  const seen = new Set<string>();
  let current: string | null | undefined = of;
  while (current && !seen.has(current)) {
    if (current === candidate) return true;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}
