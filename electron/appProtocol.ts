// The renderer is served through ReaderDesk's own scheme, not file://: a file:// page misses the
// CSP response header and gets file-protocol privileges (the GrantFileProtocolExtraPrivileges fuse
// is off), while a custom standard scheme gets a real origin, the CSP on every response, and can
// reach nothing but the built renderer folder.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ELECTRON_CSP } from './shellPolicy.ts';
import { contentTypeOf } from './host/files/contentType.ts';

export const APP_SCHEME = 'readerdesk';
export const APP_HOST = 'app';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The file inside `rendererDir` that a request URL names, or null when it names anything else. */
export function appFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Answers one request of the app scheme (protocol.handle in main.ts): a file with the CSP, or 404. */
export async function serveAppRequest(url: string, rendererDir: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': ELECTRON_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
  const file = appFileFor(url, rendererDir);
  if (file) {
    try {
      const body = await fs.readFile(file);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
    } catch {
      // falls through to 404
    }
  }
  return new Response('not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}
