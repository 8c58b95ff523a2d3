import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type { CountryCode };

/**
 * A phone number in E.164 (`+8613800138000`), read in `defaultRegion` when it has
 * no country code; the trimmed input when it is not a valid number there.
 * The `max` metadata is used: the smaller sets take wrong-length mobiles as valid.
 */
export function normalizePhone(input: string, defaultRegion: CountryCode = 'CN'): string {
  const trimmed = input.trim();
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion);
  return parsed?.isValid() ? parsed.number : trimmed;
}
