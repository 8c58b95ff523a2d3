import { validateMetadataSet } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { validationSet } from './record-validation.fixture.js';

describe('validationSet (the fixture these specs share)', () => {
  it('is valid metadata, so the specs test what a published revision can hold', () => {
    expect(validateMetadataSet(validationSet())).toEqual([]);
  });
});
