import { CHINESE_CITIES } from '../vocabulary/companies-and-places.js';
import { TAGS } from '../vocabulary/crm-phrases.js';
import { DEPARTMENTS, JOB_TITLES } from '../vocabulary/people-names.js';
import { chineseMobile, foreignPhone, generatePerson } from './generate-people.js';
import { between, daysBefore, isoDate, type DemoContext, type DemoRow } from './demo-types.js';

const MAIL_HOSTS = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com'];

/** Contacts: a few per account (key accounts get more), owned by the account's owner. */
export function generateContacts(c: DemoContext, accounts: DemoRow[]): DemoRow[] {
  const { rng, now } = c;
  const weights = accounts.map((a) => [a, a.values.level === 'key_account' ? 6 : a.values.level === 'important' ? 3 : 1] as const);
  const used = new Set<string>();
  const rows: DemoRow[] = [];
  for (let i = 0; i < c.sizes.contacts; i++) {
    const account = i < accounts.length ? accounts[i]! : rng.weighted(weights);
    const person = generatePerson(rng, account.values.country === '中国' ? 0.9 : 0.2);
    let email = `${person.handle}@${rng.chance(0.6) ? String(account.values.email).split('@')[1] : rng.pick(MAIL_HOSTS)}`;
    if (used.has(email)) email = email.replace('@', `${rng.int(2, 999)}@`);
    used.add(email);
    const [titleCn, titleEn] = rng.pick(JOB_TITLES);
    const [deptCn, deptEn] = rng.pick(DEPARTMENTS);
    const [city, province] = person.chinese ? rng.pick(CHINESE_CITIES) : [account.values.city, account.values.province];
    const birthday = new Date(Date.UTC(rng.int(1965, 2000), rng.int(0, 11), rng.int(1, 28)));
    rows.push({
      id: rng.uuid(), owner: account.owner, createdAt: between(rng, account.createdAt, daysBefore(now, 5)),
      values: {
        name: person.name, email, mobile: person.chinese ? chineseMobile(rng) : foreignPhone(rng),
        wechat: person.chinese && rng.chance(0.6) ? `wx_${person.handle.replace('.', '_')}${rng.int(1, 99)}` : null,
        birthday: rng.chance(0.7) ? isoDate(birthday) : null, gender: person.gender,
        title: person.chinese ? titleCn : titleEn, department: person.chinese ? deptCn : deptEn, account: account.id,
        customer_type: rng.weighted([['potential', 5], ['important', 2], ['loyal', 2], ['churned', 1]] as const),
        source: account.values.source, industry: account.values.industry,
        lifecycle_stage: rng.weighted([['subscriber', 2], ['lead', 3], ['prospect', 3], ['customer', 4], ['evangelist', 1]] as const),
        tags: rng.chance(0.25) ? [rng.pick(TAGS)] : [], rating: rng.int(1, 5), province, city, do_not_contact: rng.chance(0.03),
      },
    });
  }
  return rows;
}
