import { describe, expect, it } from 'vitest';
import { HOST_SENTENCES, type HostErrorCode } from '../../../shared/errors/catalogue.ts';
import { englishText, HostError, hostText, reasonOf } from '../../../shared/errors/hostError.ts';
import { placeholdersOf } from '../../../shared/errors/hostText.ts';
import { errnoOf, fileProblem } from '../../../shared/errors/fileProblem.ts';
import { PortLostError, ReaderStatusError } from '../../../shared/brp/errors.ts';
import { describeStatus } from '../../../shared/brp/status.ts';
import { ApiCallError } from '../../../shared/api/client.ts';
import { HOST_SENTENCES_DE } from '../../../renderer/src/i18n/hostSentences.de.ts';
import { errorText, hostSentence } from '../../../renderer/src/lib/errorText.ts';
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
