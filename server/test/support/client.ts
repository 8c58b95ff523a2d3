// A small HTTP client for end-to-end specs: real requests to the server started by startTestServer().
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  contentType: string;
}

export interface Client {
  token?: string;
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  del<T = any>(path: string, headers?: Record<string, string>): Promise<Reply<T>>;
}

export function client(baseUrl: string, token?: string): Client {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization ??= `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(baseUrl + path, { method, headers: h, body: payload });
    const contentType = res.headers.get('content-type') ?? '';
    const text = await res.text();
    const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
    return { status: res.status, headers: res.headers, body: parsed, contentType };
  };
  return {
    token,
    request,
    get: (p, h) => request('GET', p, undefined, h),
    post: (p, b, h) => request('POST', p, b, h),
    patch: (p, b, h) => request('PATCH', p, b, h),
    put: (p, b, h) => request('PUT', p, b, h),
    del: (p, h) => request('DELETE', p, undefined, h),
  };
}

export async function login(baseUrl: string, email: string, password: string): Promise<Client> {
  const res = await client(baseUrl).post('/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client(baseUrl, res.body.accessToken);
}

/** Asserts the reply is a problem+json of that status; returns its body. */
export function expectProblem(res: Reply, status: number): { type: string; title: string; status: number; detail?: string; errors?: { path: string; message: string }[] } {
  if (res.status !== status || !res.contentType.startsWith('application/problem+json') || res.body?.status !== status) {
    throw new Error(`expected problem ${status}, got ${res.status} ${res.contentType} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}
