// What bench/import.mjs and bench/import-floor.mjs share: the admin's token, the plain 5-column
// objects both import into, and the CSV of `rows` contacts.

/** Signs in as the test server's admin: `{ auth: { authorization }, user }`. */
export async function signIn(server) {
  const login = await (await fetch(server.url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }) })).json();
  return { auth: { authorization: `Bearer ${login.accessToken}` }, user: login.user };
}

/** One plain object per name: text, email, currency (indexed), select, integer; history tracked. */
export async function createPlainObjects(server, auth, names) {
  const opt = (key) => ({ key, label: { en: key, 'zh-CN': key } });
  for (const name of names) {
    const res = await fetch(server.url + '/api/metadata/objects', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({
      kind: 'object', name, label: { en: name, 'zh-CN': name }, titleField: 'name', trackHistory: true,
      fields: { name: { type: 'text', required: true }, email: { type: 'email' }, amount: { type: 'currency' }, status: { type: 'select', options: [opt('new'), opt('active'), opt('lost')] }, score: { type: 'integer' } },
      indexes: [['amount']],
    }) });
    if (res.status !== 201) throw new Error(await res.text());
  }
}

/** The CSV text of `rows` contacts with a header line (emails in mixed case, for the import to normalize). */
export function plainCsv(rows) {
  const lines = ['name,email,amount,status,score'];
  for (let i = 1; i <= rows; i++) lines.push(`Contact ${i},C${i}@Example.com,${(i % 100000) / 10},${['new', 'active', 'lost'][i % 3]},${i % 100}`);
  return lines.join('\n') + '\n';
}
