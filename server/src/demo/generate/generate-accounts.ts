import {
  CHINESE_CITIES, CHINESE_COMPANY_FORMS, CHINESE_STREETS, CHINESE_TRADE_NAMES, ENGLISH_COMPANY_FORMS, ENGLISH_STREETS, ENGLISH_TRADE_NAMES,
  INDUSTRY_WORDS, WORLD_CITIES,
} from '../vocabulary/companies-and-places.js';
import { TAGS } from '../vocabulary/crm-phrases.js';
import { chineseLandline, foreignPhone } from './generate-people.js';
import { daysBefore, between, type DemoContext, type DemoRow } from './demo-types.js';

const INDUSTRIES = Object.keys(INDUSTRY_WORDS);
const LEVELS = [['key_account', 1], ['important', 3], ['normal', 8]] as const;

/** Accounts: Chinese companies in Chinese cities (about 80%) and foreign ones, most of them customers for over a year. */
export function generateAccounts(c: DemoContext): DemoRow[] {
  const { rng, now } = c;
  const names = new Set<string>();
  const rows: DemoRow[] = [];
  for (let i = 0; i < c.sizes.accounts; i++) {
    const chinese = rng.chance(0.8);
    const industry = rng.pick(INDUSTRIES);
    const [cnWord, enWord] = INDUSTRY_WORDS[industry]!;
    let name = '';
    let domain = '';
    let city: readonly [string, string];
    do {
      if (chinese) {
        city = rng.pick(CHINESE_CITIES);
        const [trade, pinyin] = rng.pick(CHINESE_TRADE_NAMES);
        name = `${city[0]}${trade}${cnWord}${rng.pick(CHINESE_COMPANY_FORMS)}`;
        domain = `${pinyin}${rng.int(1, 99)}.cn`;
      } else {
        city = rng.pick(WORLD_CITIES);
        const trade = rng.pick(ENGLISH_TRADE_NAMES);
        name = `${trade} ${enWord} ${rng.pick(ENGLISH_COMPANY_FORMS)}`;
        domain = `${trade.toLowerCase().replace(/\s+/g, '')}-${enWord.toLowerCase().replace(/\s+/g, '')}.com`;
      }
      if (names.has(name)) name = chinese ? name.replace('有限公司', `${city[0]}分公司`) : `${name} (${city[0]})`;
    } while (names.has(name));
    names.add(name);
    const owner = rng.pick(c.owners.reps).id;
    const level = rng.weighted(LEVELS);
    const customer = rng.chance(0.55);
    rows.push({
      id: rng.uuid(), owner, createdAt: rng.chance(0.7) ? between(rng, daysBefore(now, 420), daysBefore(now, 330)) : between(rng, daysBefore(now, 330), daysBefore(now, 20)),
      values: {
        name, account_type: customer ? 'customer' : rng.weighted([['prospect', 8], ['partner', 1], ['other', 1]] as const), level, industry,
        source: rng.pick(['website', 'referral', 'advertising', 'trade_show', 'social_media', 'cold_call', 'partner', 'campaign']),
        website: `https://www.${domain}`, email: `info@${domain}`, phone: chinese ? chineseLandline(rng) : foreignPhone(rng),
        country: chinese ? '中国' : city![1], province: chinese ? city![1] : null, city: city![0],
        address: chinese ? `${city![0]}市${rng.pick(CHINESE_STREETS)}${rng.int(1, 999)}号` : `${rng.int(1, 300)} ${rng.pick(ENGLISH_STREETS)}, ${city![0]}`,
        employees: level === 'key_account' ? rng.int(1000, 50000) : level === 'important' ? rng.int(200, 2000) : rng.int(5, 300),
        annual_revenue: (level === 'key_account' ? rng.int(500, 20000) : level === 'important' ? rng.int(50, 800) : rng.int(1, 60)) * 1_000_000,
        rating: rng.int(1, 5), tags: rng.chance(0.3) ? [rng.pick(TAGS)] : [],
      },
    });
  }
  return rows;
}
