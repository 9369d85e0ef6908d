import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ROOT } from './processes.ts';

export const ARTIFACTS = path.join(ROOT, 'test/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with no background traffic (the machine has no network). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (Debian: apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The main navigation's button for a page. */
export function navButton(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'main' }).getByRole('button', { name, exact: true });
}

/** Waits until a reader card shows the virtual reader's firmware, which the host reads on connecting. */
export async function virtualReaderShown(page: Page): Promise<void> {
  await page.getByTestId('firmware').filter({ hasText: /VirtRead/ }).first().waitFor({ timeout: 15_000 });
}

/** Connects the web shell's own virtual reader from the Readers page's port list and waits until it has been read. */
export async function connectListedReader(page: Page, address: string): Promise<void> {
  await page.getByRole('heading', { name: 'Readers', level: 2 }).waitFor();
  await page.locator('.ports li', { hasText: address }).getByRole('button', { name: 'Connect' }).click();
  await virtualReaderShown(page);
}

/** Connects a virtual reader by typing its address on the Readers page; returns its card once its firmware shows. */
export async function connectByAddress(page: Page, address: string): Promise<Locator> {
  const field = page.getByLabel('Port or address');
  await field.fill(address);
  await page.locator('form', { has: field }).getByRole('button', { name: 'Connect' }).click();
  const card = page.getByRole('article', { name: address });
  await card.getByTestId('firmware').filter({ hasText: /VirtRead/ }).waitFor({ timeout: 15_000 });
  return card;
}
