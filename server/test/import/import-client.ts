import type { Client } from '../support/client.js';

/** POST /api/records/{object}/import as multipart: the file plus text fields. */
export async function upload(baseUrl: string, c: Client, object: string, file: Buffer | string, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof file === 'string' ? Buffer.from(file) : file]), fileName);
  const res = await fetch(`${baseUrl}/api/records/${object}/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${c.token}` } });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** Polls GET /api/jobs/{id} until the job is done or failed. */
export async function finished(c: Client, job: string, timeoutMs = 60_000): Promise<{ status: string; progress: { done: number; total: number }; result: any; error: string | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await c.get(`/api/jobs/${encodeURIComponent(job)}`);
    if (res.status !== 200) throw new Error(`GET job ${job}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`job ${job} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts an import and waits for its job; fails the test on anything but 202. */
export async function importFile(baseUrl: string, c: Client, object: string, file: Buffer | string, fileName: string, fields: Record<string, string> = {}) {
  const res = await upload(baseUrl, c, object, file, fileName, fields);
  if (res.status !== 202) throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
  return { job: res.body.job as string, ...(await finished(c, res.body.job)) };
}
