import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appFileFor, serveAppRequest } from '../../electron/appProtocol.ts';
import { ELECTRON_CSP } from '../../electron/shellPolicy.ts';
import { ROOT, tempDir } from '../helpers/processes.ts';

describe('the readerdesk:// scheme that serves the renderer in Electron', () => {
  const dir = tempDir('rd-proto-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>ReaderDesk</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(dir), 'rd-proto-secret.txt'), 'secret');

  it('serves the built files with the CSP header that a file:// page would miss', async () => {
    const res = await serveAppRequest(APP_INDEX_URL, dir);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(ELECTRON_CSP);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<title>ReaderDesk</title>');
    const js = await serveAppRequest('readerdesk://app/assets/app.js', dir);
    expect(js.headers.get('Content-Type')).toMatch(/^text\/javascript/);
  });

  it('reaches nothing outside the renderer folder and answers anything else with 404', async () => {
    for (const url of [
      'readerdesk://app/../rd-proto-secret.txt',
      'readerdesk://app/%2e%2e/rd-proto-secret.txt',
      'readerdesk://app/..%2frd-proto-secret.txt',
      'readerdesk://other/index.html',
      'readerdesk://app/%E0%A4%A',
      'readerdesk://app/missing.js',
      'file:///etc/passwd',
    ]) {
      const res = await serveAppRequest(url, dir);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('Content-Security-Policy')).toBe(ELECTRON_CSP);
      expect(await res.text()).not.toContain('secret');
    }
    expect(appFileFor('readerdesk://app/', dir)).toBe(path.join(dir, 'index.html'));
  });

  it('main.ts loads the renderer through the scheme, turns the privileges of file:// off and does nothing after losing the single-instance lock', () => {
    const main = fs.readFileSync(path.join(ROOT, 'electron/main.ts'), 'utf8');
    expect(main).toMatch(/protocol\.handle\(APP_SCHEME/);
    expect(main).toMatch(/win\.loadURL\(APP_INDEX_URL\)/);
    expect(main).not.toMatch(/loadFile\(/);
    expect(main).toMatch(/if \(!app\.requestSingleInstanceLock\(\)\) \{\n\s+app\.quit\(\);\n\} else \{\n\s+start\(\);\n\}/);
  });
});
