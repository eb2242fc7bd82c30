/** The desk's calls to its own server (same origin; the token travels in the HttpOnly cookie). */

/** A refusal or failure the server explained in one line. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new ApiError(response.status, data.error ?? `HTTP ${response.status}`);
  return data;
}

/** GET a view of the case. */
export function get<T>(path: string): Promise<T> {
  return call<T>('GET', path);
}

/**
 * POST a decision. While another command holds the case (409) it waits and tries again, up to
 * `attempts` times, telling `onBusy`; nothing is lost and nothing is sent twice after success.
 */
export async function post<T>(path: string, body: unknown, onBusy: () => void, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call<T>('POST', path, body);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409 || attempt >= attempts) throw error;
      onBusy();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
