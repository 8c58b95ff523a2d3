import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module reachable from `entry` through relative imports, with its bare imports. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (graph.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    graph.set(file, specifiers.filter((s) => !s.startsWith('.')));
    for (const s of specifiers.filter((x) => x.startsWith('.') && x.endsWith('.js'))) visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return graph;
}

describe('@loom/metadata entry', () => {
  it('imports nothing Node-only, so the browser can load it', () => {
    const bare = [...importGraph(join(here, 'index.ts')).values()].flat();
    expect(new Set(bare)).toEqual(new Set(['ajv', 'ajv-formats']));
  });

  it('exports the public API', () => {
    for (const name of [
      'validateDocument', 'validateMetadataSet', 'getSchema', 'isIdentifier', 'RESERVED_WORDS', 'SYSTEM_FIELDS',
      'columnName', 'joinTableName', 'parseCondition', 'evaluateCondition', 'conditionFields', 'parseFormula',
      'typeFormula', 'formulaFields', 'mergeLayers', 'diffMetadata', 'PROBLEM_TYPES', 'problem', 'FIELD_TYPES',
    ]) {
      expect(api, name).toHaveProperty(name);
    }
  });
});
