// Tells whether an Electron binary is installed (it cannot be downloaded on every machine).
import fs from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const p = require('electron');
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}
