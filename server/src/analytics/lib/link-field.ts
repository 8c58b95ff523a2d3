import { findObject, isManyToOne, type MetadataSet } from '@loom/metadata';

/**
 * The first live manyToOne field of `from` pointing at `to` (sales_order → contact: `customer`),
 * or undefined when `from` does not exist or has none.
 * @example linkField(set, 'activity', 'account') // 'account'
 */
export function linkField(set: MetadataSet, from: string, to: string): string | undefined {
  const obj = findObject(set, from);
  if (!obj || obj.archived) return undefined;
  return Object.entries(obj.fields).find(([, d]) => isManyToOne(d) && !d.archived && d.target === to)?.[0];
}
