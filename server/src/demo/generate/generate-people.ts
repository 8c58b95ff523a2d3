import type { SeededRandom } from '../seeded-random.js';
import { CHINESE_GIVEN_NAMES, CHINESE_SURNAMES, ENGLISH_FIRST_NAMES, ENGLISH_LAST_NAMES } from '../vocabulary/people-names.js';

export interface DemoPerson {
  name: string;
  /** ASCII for e-mail addresses: `zhang.wei`, `emily.clark`. */
  handle: string;
  gender: 'male' | 'female';
  chinese: boolean;
}

/** A person's name, Chinese (surname first) or English, with a handle for their e-mail. */
export function generatePerson(rng: SeededRandom, chineseShare = 0.75): DemoPerson {
  if (rng.chance(chineseShare)) {
    const [surname, surnamePinyin] = rng.pick(CHINESE_SURNAMES);
    const [given, givenPinyin, gender] = rng.pick(CHINESE_GIVEN_NAMES);
    return { name: surname + given, handle: `${givenPinyin}.${surnamePinyin}`, gender, chinese: true };
  }
  const [first, gender] = rng.pick(ENGLISH_FIRST_NAMES);
  const last = rng.pick(ENGLISH_LAST_NAMES);
  return { name: `${first} ${last}`, handle: `${first}.${last}`.toLowerCase(), gender, chinese: false };
}

const MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '150', '151', '158', '159', '186', '188', '187', '177', '199'];

/** A mainland China mobile number (valid prefixes), as people type it. */
export const chineseMobile = (rng: SeededRandom): string => `${rng.pick(MOBILE_PREFIXES)}${rng.digits(8)}`;

/** A Shanghai or Beijing landline. */
export const chineseLandline = (rng: SeededRandom): string => (rng.chance(0.5) ? `021-6${rng.digits(7)}` : `010-8${rng.digits(7)}`);

/** A number in the UK, Singapore or the US with its country code. */
export const foreignPhone = (rng: SeededRandom): string =>
  rng.pick([`+44 20 7946 ${rng.digits(4)}`, `+65 6${rng.digits(3)} ${rng.digits(4)}`, `+1 212 ${rng.int(200, 989)} ${rng.digits(4)}`]);
