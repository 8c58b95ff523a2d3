import type { Ajv, ValidateFunction } from 'ajv';
import type { ConditionVariables, Locale, MetadataSet, ObjectDef } from '@loom/metadata';
import { notFound, type ProblemItem } from '../../common/problem.js';
import { buildRecordSchema, type WriteMode } from './build-record-schema.js';
import { jsonSizeProblems } from './check-json-size.js';
import { applyDefaults } from './defaults.js';
import { normalizeValues } from './normalize-values.js';
import type { CountryCode } from './normalize-phone.js';
import { createRecordAjv } from './record-ajv.js';
import { schemaErrorsToProblems } from './schema-problems.js';
import { trimTextValues } from './trim-text-values.js';
import { checkValidationRules, compileValidationRules, type CompiledRule } from './validation-rules.js';

export interface RecordValidatorsOptions {
  /** Region for phone numbers without a country code (default `CN`). */
  defaultPhoneRegion?: CountryCode;
  /** Language of validation rule messages when a call does not say (default `en`). */
  locale?: Locale;
}

export interface ValidateOptions {
  /** Update mode: the stored record; rules see it with the body laid over it (without it, the body alone). */
  existing?: Record<string, unknown>;
  locale?: Locale;
  /** `$user.*`, `$now`, `$today` for validation rules. */
  variables?: ConditionVariables;
  /** The clock for `$today` / `$now` defaults. */
  now?: Date;
  /** Engine writes (automations, approval outcomes) may set `readOnly` fields; API callers may not. */
  allowReadOnlyFields?: boolean;
}

export type ValidationResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; errors: ProblemItem[] };

/**
 * The one record validator (DESIGN.md §3; SECURITY.md 2: every write path calls it):
 * trimming, the schema, defaults (create), normalization, then the object's validation
 * rules. Validators compile lazily per (object, mode) and live as long as the metadata
 * revision they were compiled for.
 * @example validators.forRevision(rev.number, rev.set).validate('contact', 'create', body)
 */
export class RecordValidators {
  private revision: number | null = null;
  private set: MetadataSet | null = null;
  private ajv: Ajv = createRecordAjv();
  private readonly schemas = new Map<string, ValidateFunction>();
  private readonly rules = new Map<string, CompiledRule[]>();

  constructor(private readonly options: RecordValidatorsOptions = {}) {}

  /** Switches to a revision; a different number drops everything compiled for the previous one. */
  forRevision(revision: number, set: MetadataSet): this {
    if (revision !== this.revision) {
      this.revision = revision;
      this.set = set;
      this.ajv = createRecordAjv();
      this.schemas.clear();
      this.rules.clear();
    }
    return this;
  }

  /** The values to store, or every problem with a JSON-pointer path (a 422). */
  validate(objectName: string, mode: WriteMode, body: unknown, options: ValidateOptions = {}): ValidationResult {
    const object = this.objectOrThrow(objectName);
    const check = this.schemaFor(object, mode, options.allowReadOnlyFields === true);
    const input = trimTextValues(object, body);
    if (!check(input)) return { ok: false, errors: schemaErrorsToProblems(check.errors ?? []) };

    const given = input as Record<string, unknown>;
    const filled = mode === 'create' ? applyDefaults(object, given, options.now) : given;
    const values = normalizeValues(object, filled, { defaultPhoneRegion: this.options.defaultPhoneRegion });
    const problems = [...jsonSizeProblems(object, values), ...blankRequiredProblems(object, values)];
    if (problems.length > 0) return { ok: false, errors: problems };

    const record = mode === 'update' ? { ...options.existing, ...values } : values;
    const broken = checkValidationRules(this.rulesFor(object), record, {
      locale: options.locale ?? this.options.locale,
      variables: options.variables,
    });
    return broken.length > 0 ? { ok: false, errors: broken } : { ok: true, values };
  }

  private objectOrThrow(name: string): ObjectDef {
    if (!this.set) throw new Error('RecordValidators: call forRevision() before validate()');
    const object = Object.hasOwn(this.set.objects, name) ? this.set.objects[name] : undefined;
    if (!object || object.archived) throw notFound(`Unknown object "${name}"`);
    return object;
  }

  private schemaFor(object: ObjectDef, mode: WriteMode, allowReadOnlyFields: boolean): ValidateFunction {
    const key = `${object.name}:${mode}:${allowReadOnlyFields ? 'engine' : 'api'}`;
    let check = this.schemas.get(key);
    if (!check) {
      check = this.ajv.compile(buildRecordSchema(object, this.set!, mode, { allowReadOnlyFields }));
      this.schemas.set(key, check);
    }
    return check;
  }

  private rulesFor(object: ObjectDef): CompiledRule[] {
    let rules = this.rules.get(object.name);
    if (!rules) {
      rules = compileValidationRules(object, this.set!);
      this.rules.set(object.name, rules);
    }
    return rules;
  }
}

// Sanitizing can empty a required rich text (`<script>…</script>` alone): still required.
function blankRequiredProblems(object: ObjectDef, values: Record<string, unknown>): ProblemItem[] {
  const isRequired = (name: string) => {
    const def = Object.hasOwn(object.fields, name) ? object.fields[name] : undefined;
    return def !== undefined && 'required' in def && def.required === true;
  };
  return Object.entries(values)
    .filter(([name, value]) => value === null && isRequired(name))
    .map(([name]) => ({ path: `/${name}`, message: 'must not be blank' }));
}
