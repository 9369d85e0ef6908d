import { describe, expect, it } from 'vitest';
import { CORE_SENTENCES, HOST_SENTENCES, type HostErrorCode } from '../../../shared/errors/catalogue.ts';
import { englishText, HostError, hostText, reasonOf } from '../../../shared/errors/hostError.ts';
import { placeholdersOf } from '../../../shared/errors/hostText.ts';
import { LINK_SENTENCES } from '../../../shared/errors/sentences/link.ts';
import { CONFIG_SENTENCES } from '../../../shared/errors/sentences/config.ts';
import { DOORFILE_SENTENCES } from '../../../shared/errors/sentences/doorfile.ts';
import { DEPLOY_SENTENCES } from '../../../shared/errors/sentences/deploy.ts';
import { errnoOf, fileProblem } from '../../../shared/errors/fileProblem.ts';
import { PortLostError, ReaderStatusError } from '../../../shared/brp/errors.ts';
import { describeStatus, MAIN_STATUS } from '../../../shared/brp/status.ts';
import { decodeResponseFrame } from '../../../shared/brp/frame.ts';
import { unpackHidReport } from '../../../shared/brp/hidReport.ts';
import { SysGetBootStatus } from '../../../shared/brp/commands/sys.ts';
import * as Main from '../../../shared/brp/commands/main.ts';
import { parseTypedValue } from '../../../shared/config/catalogue.ts';
import { createBalcfg } from '../../../shared/config/model.ts';
import type { BalcfgError } from '../../../shared/config/errors.ts';
import { planDoorFile } from '../../../shared/doorfile/plan.ts';
import { classifyDeployError } from '../../../electron/host/lifecycle/deployResult.ts';
import { ApiCallError } from '../../../shared/api/client.ts';
import { HOST_SENTENCES_DE } from '../../../renderer/src/i18n/hostSentences.de.ts';
import { errorText, hostSentence, reasonText } from '../../../renderer/src/lib/errorText.ts';
import { toApiError } from '../../../electron/host/app/userMessage.ts';
import { TagOperationError } from '../../../electron/host/tags/tagErrors.ts';
import { addLanguagePack } from '../../../renderer/src/i18n/languages.ts';
import { GERMAN } from '../../../renderer/src/i18n/german.ts';

// What the UI does once it loaded the German pack (renderer/src/i18n/languages.ts).
addLanguagePack('de', GERMAN);

const CODES = Object.keys(HOST_SENTENCES) as HostErrorCode[];

/** A value for every gap of a code, each one recognisable in the output. */
function sampleParams(code: HostErrorCode): Record<string, string> {
  return Object.fromEntries(placeholdersOf(HOST_SENTENCES[code]).map((name) => [name, `<${name}>`]));
}

describe('the host sentence catalogue', () => {
  it('has a German sentence for every code, and none for a code it does not have', () => {
    expect(Object.keys(HOST_SENTENCES_DE).sort()).toEqual([...CODES].sort());
    for (const code of CODES) expect(HOST_SENTENCES_DE[code].trim(), code).not.toBe('');
  });

  it('gives the German sentence exactly the gaps of the English one', () => {
    for (const code of CODES) {
      expect(placeholdersOf(HOST_SENTENCES_DE[code]).sort(), code).toEqual(placeholdersOf(HOST_SENTENCES[code]).sort());
    }
  });

  it('has each code once: no area of the catalogue shadows another', () => {
    const areas = { CORE_SENTENCES, LINK_SENTENCES, CONFIG_SENTENCES, DOORFILE_SENTENCES, DEPLOY_SENTENCES };
    const seen = new Map<string, string>();
    for (const [area, table] of Object.entries(areas)) {
      for (const code of Object.keys(table)) {
        expect(seen.get(code), `${code} is in ${area} and ${seen.get(code)}`).toBeUndefined();
        seen.set(code, area);
      }
    }
    expect(seen.size).toBe(CODES.length);
  });

  it('has German words for every sentence that has English words', () => {
    // Two or more English words besides the gaps: the German sentence must not be a copy.
    const words = (template: string) => template.replace(/\{[^}]*\}/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
    const copies = CODES.filter((code) => words(HOST_SENTENCES[code]).length >= 2 && HOST_SENTENCES_DE[code] === HOST_SENTENCES[code]);
    expect(copies).toEqual([]);
  });

  it('fills every gap in both languages, leaving no brace behind', () => {
    for (const code of CODES) {
      const params = sampleParams(code);
      const en = englishText({ code, params });
      const de = hostSentence({ code, params }, 'de')!;
      for (const [name, value] of Object.entries(params)) {
        expect(en, code).toContain(value);
        expect(de, code).toContain(value);
        expect(en, code).not.toContain(`{${name}}`);
        expect(de, code).not.toContain(`{${name}}`);
      }
    }
  });

  it('translates a clause inside a sentence, and numbers in the locale', () => {
    const err = new HostError('deploy.file-unreadable', { file: '/tmp/x.bec2', why: fileProblem('ENOENT') });
    expect(err.message).toBe('Cannot read /tmp/x.bec2: the file or its folder does not exist.');
    expect(hostSentence(err, 'de')).toBe('/tmp/x.bec2 kann nicht gelesen werden: die Datei oder ihr Ordner existiert nicht.');
    const big = hostText('tags.data-too-long', { bytes: 1234, offset: '7' });
    expect(englishText(big)).toMatch(/^1234 bytes at offset 7/);
    expect(hostSentence(big, 'de')).toMatch(/^1\.234 Bytes ab Offset 7/);
    expect(hostSentence(big, 'en')).toMatch(/^1,234 bytes at offset 7/);
  });

  it('keeps the English sentences the CLI and tests know', () => {
    expect(new PortLostError('/dev/ttyUSB0', 'the cable was pulled.').message).toBe(
      'The link to /dev/ttyUSB0 is not available: the cable was pulled. Check that the reader is connected and that no other program is using the port.',
    );
    expect(new PortLostError('/dev/ttyUSB0').message).toBe(
      'The link to /dev/ttyUSB0 is not available. Check that the reader is connected and that no other program is using the port.',
    );
    expect(new ReaderStatusError('Sys.CfgGetValue', 8, 3, 'Sys.ErrCfgNotFound', 'the value does not exist').message).toBe(
      'The reader answered Sys.CfgGetValue with Sys.ErrCfgNotFound (status 0x03): The value does not exist.',
    );
  });
});

describe('one errno rule', () => {
  it('names what is wrong with a file in words', () => {
    expect(englishText(fileProblem('ENOENT'))).toBe('the file or its folder does not exist');
    expect(englishText(fileProblem('EACCES'))).toBe('ReaderDesk is not allowed to access it');
    expect(englishText(fileProblem('EPERM'))).toBe('ReaderDesk is not allowed to access it');
    expect(englishText(fileProblem('EISDIR'))).toBe('it is a folder, not a file');
    expect(englishText(fileProblem('ENOSPC'))).toBe('the disk is full');
    expect(englishText(fileProblem('EXDEV'))).toBe('the system refused (EXDEV)');
    expect(errnoOf(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(errnoOf(new Error('x'))).toBeUndefined();
  });
});

describe('errors across the wire', () => {
  it('carry code, values and the English sentence', () => {
    const err = new PortLostError('/dev/nope', hostText('port.no-serial-port', { port: '/dev/nope' }));
    const payload = toApiError(err);
    expect(payload).toEqual({
      code: 'brp.port-lost',
      params: { port: '/dev/nope', because: { code: 'brp.because', params: { reason: { code: 'port.no-serial-port', params: { port: '/dev/nope' } } } } },
      message: 'The link to /dev/nope is not available: there is no serial port /dev/nope. Check that the reader is connected and that no other program is using the port.',
    });
    // The same payload survives JSON (the web shell) and reads in German in the UI.
    const received = ApiCallError.from(JSON.parse(JSON.stringify(payload)));
    expect(errorText(received, 'de')).toBe(
      'Die Verbindung zu /dev/nope ist nicht verfügbar: es gibt keinen seriellen Port /dev/nope. Prüfen Sie, ob der Leser angeschlossen ist und kein anderes Programm den Port verwendet.',
    );
    expect(errorText(received, 'en')).toBe(payload.message);
  });

  it('show the English sentence for a code the UI does not know, and for plain errors', () => {
    expect(errorText(new ApiCallError('tag-no-tag', 'No tag is in the field.'), 'de')).toBe('No tag is in the field.');
    expect(toApiError(new Error('boom'))).toEqual({ code: 'error', params: {}, message: 'boom' });
    expect(errorText(new Error('plain words'), 'de')).toBe('Plain words.');
  });

  it('pass a failure on as the reason of another, translated when it has a code', () => {
    const inner = new HostError('reader.not-connected', {});
    const outer = new HostError('deploy.reset-failed', { reason: reasonOf(inner) });
    expect(outer.message).toBe('The factory reset did not complete: That reader is not connected; connect it on the Readers page first.');
    expect(hostSentence(outer, 'de')).toBe(
      'Das Zurücksetzen auf Werkseinstellungen wurde nicht abgeschlossen: Dieser Leser ist nicht verbunden; verbinden Sie ihn zuerst auf der Seite „Leser“.',
    );
    expect(reasonOf(new Error('the port closed'))).toBe('the port closed');
  });
});

describe('tag refusals', () => {
  it('name the step and the tag rule, both translated', () => {
    const step = hostText('tag.step.present-pin', { kind: hostText('tag.pin.read', {}) });
    const why = hostText('tag.why.pin-mismatch', { kind: hostText('tag.pin.read', {}), index: '5', master: '' });
    const err = new TagOperationError('wrong-pin', step, 'tag.refused', { step, why });
    expect(err.message).toBe('The tag refused to present the read PIN: the read PIN given does not match the PIN the tag holds at index 5.');
    expect(hostSentence(err, 'de')).toBe(
      'Der Tag hat den Schritt „die Lese-PIN vorlegen“ abgelehnt: die angegebene Lese-PIN stimmt nicht mit der PIN überein, die der Tag an Index 5 hält.',
    );
  });
});

describe('reader statuses', () => {
  it('carry the meaning of the status as a text, so the UI words it too', () => {
    const { name, text } = describeStatus(0x0008, 0x03);
    const err = new ReaderStatusError('Sys.CfgGetValue', 0x0008, 0x03, name, text);
    expect(err.message).toBe(
      'The reader answered Sys.CfgGetValue with Sys.ErrCfgNotFound (status 0x03): The configuration value does not exist on the reader, or its key or value ID is not valid.',
    );
    expect(err.meaning).toBe('The configuration value does not exist on the reader, or its key or value ID is not valid.');
    expect(hostSentence(err, 'de')).toBe(
      'Der Leser hat Sys.CfgGetValue mit Sys.ErrCfgNotFound (Status 0x03) beantwortet: Der Konfigurationswert existiert auf dem Leser nicht, oder sein Schlüssel oder seine Wert-ID ist ungültig.',
    );
  });
});

describe('what used to reach a German user in English', () => {
  const caught = (f: () => unknown): unknown => {
    try {
      f();
    } catch (err) {
      return err;
    }
    throw new Error('nothing was thrown');
  };

  it('words why a BRP frame or a USB HID report cannot be read, and keeps the English sentence', () => {
    const empty = caught(() => decodeResponseFrame(new Uint8Array(0)));
    expect((empty as Error).message).toBe('The response frame is empty.');
    expect(errorText(empty, 'de')).toBe('Der Antwortrahmen ist leer.');

    const report = caught(() => unpackHidReport(Uint8Array.of(9, 1, 0, 0x2c)));
    expect((report as Error).message).toBe('A HID report with id 9 arrived; BRP travels only in reports with ids 1 to 4.');
    expect(errorText(report, 'de')).toBe('Ein HID-Report mit der ID 9 ist angekommen; BRP läuft nur in Reports mit den IDs 1 bis 4.');

    const short = caught(() => SysGetBootStatus.decodeResponse(Uint8Array.of(0, 1)));
    expect((short as Error).message).toBe('The answer to Sys.GetBootStatus is too short: BootStatus needs 4 bytes at offset 0, but the payload has only 2.');
    expect(errorText(short, 'de')).toBe('Die Antwort auf Sys.GetBootStatus ist zu kurz: BootStatus braucht 4 Bytes ab Offset 0, die Nutzdaten haben aber nur 2.');
  });

  it('words the BALCFG model\'s problems next to their field', () => {
    const err = caught(() => parseTypedValue('0103/03', '70000')) as BalcfgError;
    expect(err.message).toBe('0103/03: 70000 is outside 0..65535; pick a number in that range.');
    expect(errorText(err, 'de')).toBe('70000 liegt außerhalb von 0..65535; wählen Sie eine Zahl in diesem Bereich.');
    const named = caught(() => createBalcfg({ customer: 100000, project: 1, device: 0, name: 'Site' })) as BalcfgError;
    expect(named.message).toBe('configId.customer: 100000 is above 99999; the customer number runs from 0 to 99999.');
    expect(reasonText(named.fieldText, 'de')).toBe('configId.customer: 100000 ist größer als 99999; die Kundennummer reicht von 0 bis 99999.');
  });

  it('words a door-file finding with its line', () => {
    const plan = planDoorFile(['user_id,format,raw_hex,raw_bits', '1,raw,8F166045,32', '2,raw,8F166045,32', ''].join('\n'));
    const duplicate = plan.issues.find((i) => i.code === 'duplicate')!;
    expect(duplicate.message).toBe(
      'Line 3: the credentials repeat those of line 2; a lock treats a file with duplicates as unsorted and searches it slowly ("degraded"). Remove one of the lines.',
    );
    expect(reasonText(duplicate.text, 'de')).toBe(
      'Zeile 3: die Ausweise wiederholen die aus Zeile 2; ein Schloss behandelt eine Datei mit Duplikaten als unsortiert und durchsucht sie langsam („degraded“). Entfernen Sie eine der Zeilen.',
    );
  });

  it('words a deploy result, keeping a sentence inside it whole', () => {
    const d = describeStatus(Main.MainBf3UploadContinue.code, MAIN_STATUS.ErrInvalidConfigVersion);
    const rollback = classifyDeployError(new ReaderStatusError('Main.Bf3UploadContinue', Main.MainBf3UploadContinue.code, MAIN_STATUS.ErrInvalidConfigVersion, d.name, d.text));
    expect(rollback.message).toBe('Rejected: the file is an older version than the one the reader runs (rollback prevention); make a new version from the old one instead.');
    expect(reasonText(rollback.text, 'de')).toBe(
      'Abgelehnt: die Datei ist eine ältere Version als die, mit der der Leser läuft (Rollback-Schutz); erstellen Sie stattdessen aus der alten eine neue Version.',
    );
    // A sentence that ends in a full stop gets no second one, and one set in brackets loses it.
    const lost = new PortLostError('tcp://127.0.0.1:1', hostText('port.nothing-listening', {}));
    expect(englishText(hostText('deploy.nothing-sent', { why: reasonOf(lost) }))).toBe(
      'Not deployed: The link to tcp://127.0.0.1:1 is not available: nothing is listening there. Check that the reader is connected and that no other program is using the port. No file data was sent to the reader.',
    );
    expect(englishText(hostText('deploy.unknown', { why: 'The port closed.', seen: hostText('deploy.seen-silent', {}) }))).toMatch(
      /^Unknown — check this reader: the line failed at the last block \(The port closed\) and it did not answer afterwards\./,
    );
  });
});
