import type { MetadataSection, MetadataSet } from '../types/metadata-set.js';
import type { MetadataError } from '../validate/metadata-error.js';

/**
 * What a layer may hold: for each section, definitions by name. In a later layer a
 * definition may be partial (only what it changes); `null` removes a definition
 * (refused for objects and fields, which archive instead).
 */
export type MetadataLayerSet = {
  [S in MetadataSection]?: Record<string, Partial<MetadataSet[S][string]> | Record<string, unknown> | null>;
};

/** One layer of the effective metadata: `base`, `plugin:<name>`, `admin`. */
export interface MetadataLayer {
  source: string;
  set: MetadataLayerSet;
}

/** A merge conflict: the path in the merged set and the sources that disagree (earlier first). */
export interface MergeError extends MetadataError {
  sources: string[];
}

export interface MergeResult {
  set: MetadataSet;
  errors: MergeError[];
}

/** Remembers which layer defined what (by JSON Pointer), to name both sides of a conflict. */
export class Provenance {
  private readonly origin = new Map<string, string>();
  readonly errors: MergeError[] = [];
  set(path: string, source: string): void {
    this.origin.set(path, source);
  }
  /** The layer that defined `path`, or else the one that defined its nearest parent. */
  of(path: string): string {
    for (let p = path; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      const source = this.origin.get(p);
      if (source !== undefined) return source;
    }
    return 'unknown';
  }
  conflict(path: string, earlier: string, later: string, message: string, code = 'merge_conflict'): void {
    this.errors.push({ path, message, code, sources: [earlier, later] });
  }
}
