import type { TLocale } from '@yunce/contracts';
import {
  ApiError,
  CLIENT_ERROR_CODES,
  buildUrl,
  parseErrorBody,
  type QueryValue,
} from '../../../app/api';

/** The file name a Content-Disposition header gives (RFC 5987 `filename*` first), else null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Badly encoded: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}

/** Saves a URL (object or data URL) as a file through a temporary link. */
export function saveUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * Downloads a file the API generates (xlsx, pdf). Fetched rather than linked so an error answer
 * is shown as a message instead of replacing the page with JSON.
 */
export async function downloadFromApi(
  path: string,
  query: Record<string, QueryValue>,
  fallbackName: string,
  locale: TLocale,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      credentials: 'same-origin',
      headers: { 'Accept-Language': locale },
    });
  } catch {
    throw new ApiError(0, CLIENT_ERROR_CODES.network, 'network error');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw parseErrorBody(response.status, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    saveUrl(
      url,
      fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName,
    );
  } finally {
    // Let the click start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
