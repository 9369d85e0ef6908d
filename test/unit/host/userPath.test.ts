import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandHome, resolveUserPath } from '../../../electron/host/files/userPath.ts';

const home = os.homedir();

describe('paths a person typed', () => {
  it('take "~" and "~/…" as the home folder and drop surrounding blanks', () => {
    expect(resolveUserPath('~')).toBe(home);
    expect(resolveUserPath('  ~/readers/site.balcfg ')).toBe(path.join(home, 'readers', 'site.balcfg'));
    expect(expandHome('~\\exports\\log.csv')).toBe(path.join(home, 'exports\\log.csv'));
  });

  it('count a relative path from the home folder, not from where the app was started', () => {
    expect(resolveUserPath('exports/report.csv')).toBe(path.join(home, 'exports', 'report.csv'));
    expect(expandHome('exports/report.csv')).toBe('exports/report.csv');
  });

  it('keep an absolute path as it is', () => {
    const abs = path.resolve('/srv/door.json');
    expect(resolveUserPath(` ${abs}`)).toBe(abs);
    expect(expandHome('/tmp/~/x')).toBe('/tmp/~/x');
  });
});
