import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsStore } from '../../../electron/host/app/settings.ts';
import { serialNumberOf } from '../../../shared/brp/firmwareString.ts';
import { tempDir } from '../../helpers/processes.ts';

describe('settings', () => {
  it('sorts an older single recent-files list by file type: no BEC2 in the BALCFG list', () => {
    const s = parseSettings({ recentFiles: ['/a/site.balcfg', '/a/site-v01.bec2', '/a/users.csv', '/a/notes.txt', 42] });
    expect(s.recent.balcfg).toEqual(['/a/site.balcfg']);
    expect(s.recent.bec2).toEqual(['/a/site-v01.bec2']);
    expect(s.recent.csv).toEqual(['/a/users.csv']);
    // A settings file from an earlier run means the app already started once.
    expect(s.started).toBe(true);
  });

  it('keeps only well-formed remembered readers and names; a missing file is a first start', () => {
    const s = parseSettings({
      readers: [{ address: '/dev/ttyUSB0', virtual: false, checksum: 'crc16', baudRate: 57600 }, { address: '' }, { address: 'COM3', baudRate: 12, checksum: 'sha' }, null],
      readerNames: { '43893126': ' Door 3 ', x: 5 },
    });
    expect(s.readers).toEqual([{ address: '/dev/ttyUSB0', virtual: false, checksum: 'crc16', baudRate: 57600 }, { address: 'COM3', virtual: false }]);
    expect(s.readerNames).toEqual({ '43893126': 'Door 3' });
    expect(parseSettings(undefined).started).toBe(false);
  });

  it('keeps per-port maximum rates only where they are rates a reader can switch to', () => {
    const s = parseSettings({ portMaxBaud: { '/dev/ttyUSB0': 115200, virtual: 500000, COM3: 460800, COM4: '921600', '': 9600 } });
    expect(s.portMaxBaud).toEqual({ '/dev/ttyUSB0': 115200, virtual: 500000 });
    expect(parseSettings(undefined).portMaxBaud).toEqual({});
  });

  it('keeps recent files per kind, newest first, and the folder of the last one for the file browser', async () => {
    const file = path.join(tempDir('rd-set-'), 'settings.json');
    const store = new SettingsStore(file);
    await store.addRecentFile('/x/a.balcfg');
    await store.addRecentFile('/y/b.bec2');
    await store.addRecentFile('/x/a.balcfg');
    await store.addRecentFile('/z/report.csv', 'report');
    const again = new SettingsStore(file);
    expect(again.recentFiles('balcfg')).toEqual(['/x/a.balcfg']);
    expect(again.recentFiles('bec2')).toEqual(['/y/b.bec2']);
    expect(again.recentFiles('csv')).toEqual([]);
    expect(again.recentFiles('report')).toEqual(['/z/report.csv']);
    expect(again.get().lastFolder).toBe('/z');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).recent.balcfg).toEqual(['/x/a.balcfg']);
  });
});

describe('serial number from the firmware string', () => {
  it('is the 8 digits at the end of Sys.GetInfo', () => {
    expect(serialNumberOf('1100 IDE Z     1.14.00 12/18/19 43893126')).toBe('43893126');
    expect(serialNumberOf('1100 VirtRead  2.05.00 11/23/26')).toBeNull();
    expect(serialNumberOf(null)).toBeNull();
  });
});
