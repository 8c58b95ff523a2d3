import type { ApiRecord } from '../records.service.js';

/**
 * A written record as the API answers it: the JSON text its write statement read back (PostgreSQL's
 * `to_json`, which the hot routes send as it is: parsing it into an object and serializing that again
 * cost each write ~12 µs of CPU, bench/records.mjs), or the record read after the write. Each form
 * is made from the other only when something asks for it (a plugin hook, a NestJS route).
 */
export class WrittenRecord {
  private constructor(private text: string | undefined, private value: ApiRecord | undefined, readonly id: string, readonly version: number) {}

  static fromJson(json: string, id: string, version: number): WrittenRecord {
    return new WrittenRecord(json, undefined, id, version);
  }

  static fromRecord(record: ApiRecord): WrittenRecord {
    return new WrittenRecord(undefined, record, record.id, record.version);
  }

  get record(): ApiRecord {
    return (this.value ??= JSON.parse(this.text!) as ApiRecord);
  }

  get json(): string {
    return (this.text ??= JSON.stringify(this.value));
  }
}
