import { describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser.ts';
import { webShellInChromium } from '../helpers/shellInChromium.ts';

// The host sends a code with values; the page words it in the language the user picked.
describe('web shell: host sentences in the UI language', () => {
  const shell = webShellInChromium();

  it('switched to German, names a missing port in German and marks the page as German', async () => {
    const page = await shell.openPage({ locale: 'en-GB' });
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { name: 'Leser', level: 2 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    const missing = '/dev/ttyREADERDESKMISSING7';
    const address = page.getByLabel('Schnittstelle oder Adresse');
    await address.fill(missing);
    const form = page.locator('form', { has: address });
    await form.getByRole('button', { name: 'Verbinden', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `Die Verbindung zu ${missing} ist nicht verfügbar: es gibt keinen seriellen Port ${missing}. ` +
        'Prüfen Sie, ob der Leser angeschlossen ist und kein anderes Programm den Port verwendet.',
    );
    await screenshot(page, 'readers-error-de');

    // Back in English, the same failure reads in English.
    await page.getByLabel('Language').selectOption('en');
    await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The typed address stays; only the words around it change.
    const addressEn = page.getByLabel('Port or address');
    expect(await addressEn.inputValue()).toBe(missing);
    await page.locator('form', { has: addressEn }).getByRole('button', { name: 'Connect', exact: true }).click();
    await expect
      .poll(() => alert.textContent())
      .toBe(`The link to ${missing} is not available: there is no serial port ${missing}. Check that the reader is connected and that no other program is using the port.`);
    await page.close();
  });
});
