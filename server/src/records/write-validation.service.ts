import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { RecordValidators, type ValidationResult } from './validation/record-validator.js';

/**
 * The record validator for writes that report per row instead of throwing (bulk, merge):
 * the same RecordValidators and options as RecordsService, so a row passes here exactly when
 * the same body would pass a single POST or PATCH.
 */
@Injectable()
export class WriteValidation {
  private readonly validators = new RecordValidators();

  constructor(private readonly registry: MetadataRegistry) {}

  check(user: CurrentUser, object: string, mode: 'create' | 'update', body: unknown, existing?: Record<string, unknown>): ValidationResult {
    const rev = this.registry.current();
    return this.validators.forRevision(rev.number, rev.set).validate(object, mode, body ?? {}, {
      existing, locale: user.locale === 'zh-CN' ? 'zh-CN' : 'en', variables: { user: { id: user.id } },
    });
  }
}
