import { ZErrorBody, type TLocale } from '@yunce/contracts';

export const API_BASE = '/api/v1';

export interface ApiErrorDetail {
  field: string;
  message: string;
}

/** Error codes the client itself produces when there is no usable answer from the server. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  unexpected: 'UNEXPECTED_RESPONSE',
} as const;

/** An error answer from the API (or no answer at all: status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns an error response body into an ApiError; bodies of any other shape become UNEXPECTED_RESPONSE. */
export function parseErrorBody(status: number, body: unknown): ApiError {
  const parsed = ZErrorBody.safeParse(body);
  if (!parsed.success) {
    return new ApiError(status, CLIENT_ERROR_CODES.unexpected, `HTTP ${status}`);
  }
  const { code, message, details } = parsed.data.error;
  return new ApiError(status, code, message, details ?? []);
}

export type QueryValue = string | number | boolean | null | undefined;

/** `/api/v1` + path + a query string without empty values. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

interface ClientState {
  csrfToken: string | null;
  locale: TLocale;
  onUnauthorized: (() => void) | null;
}

// The client is configured by the React tree (session and language providers) and read by every call.
const state: ClientState = { csrfToken: null, locale: 'zh-CN', onUnauthorized: null };

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setApiLocale(locale: TLocale): void {
  state.locale = locale;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  state.onUnauthorized = handler;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Let the caller handle 401 itself (session probe, sign-in) instead of returning to sign-in. */
  allowUnauthorized?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': state.locale,
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, 'network error');
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const error = parseErrorBody(response.status, payload);
    if (response.status === 401 && !options.allowUnauthorized) state.onUnauthorized?.();
    throw error;
  }
  if (payload === undefined && response.status !== 204) {
    throw new ApiError(response.status, CLIENT_ERROR_CODES.unexpected, `HTTP ${response.status}`);
  }
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** JSON over HTTP to the Yunce API: cookie session, CSRF header on writes, typed errors. */
export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  /** Sends one file as multipart/form-data under `field`. */
  upload: <T>(path: string, file: Blob, field = 'file', options?: RequestOptions) => {
    const form = new FormData();
    form.append(field, file);
    return request<T>('POST', path, { ...options, body: form });
  },
};
