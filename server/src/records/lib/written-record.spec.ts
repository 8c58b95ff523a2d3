import { describe, expect, it } from 'vitest';
import { WrittenRecord } from './written-record.js';

describe('WrittenRecord', () => {
  it('answers the JSON text it was read back as, byte for byte, and parses it only when the record is asked for', () => {
    const json = '{"id":"r1","amount":12.50,"version":2}';
    const written = WrittenRecord.fromJson(json, 'r1', 2);
    expect(written.json).toBe(json);
    expect([written.id, written.version]).toEqual(['r1', 2]);
    expect(written.record).toEqual({ id: 'r1', amount: 12.5, version: 2 });
    expect(written.record).toBe(written.record);
  });

  it('spells a record read after the write as JSON when its text is asked for', () => {
    const record = { id: 'r2', version: 5, name: '张三' };
    const written = WrittenRecord.fromRecord(record);
    expect(written.record).toBe(record);
    expect([written.id, written.version]).toEqual(['r2', 5]);
    expect(JSON.parse(written.json)).toEqual(record);
  });
});
