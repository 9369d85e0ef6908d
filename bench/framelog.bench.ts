// The frame log under a fleet's load: 8 deploys to 16 readers stream tens of thousands of frames
// through the real `readerdesk ui` process into the Frame log page in Chromium. Figures only.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startUiProcess } from '../test/helpers/webShell.ts';
import { CLI, tempDir } from '../test/helpers/processes.ts';
import { startSimulator } from '../simulator/startSimulator.ts';
import { withSession } from '../electron/host/readers/openSession.ts';
import { finalizeOnReader } from '../electron/host/lifecycle/finalize.ts';
import { benchConfig } from './deploy.bench.ts';

const READERS = 16;
const DEPLOYS = 8;

/** CPU time of a process in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function benchFramelog(print: (line: string) => void): Promise<void> {
  const dir = tempDir('rd-bench-framelog-');
  const finalizer = await startSimulator({ stateDir: path.join(dir, 'finalizer') });
  const bec2 = path.join(dir, 'bench.bec2');
  await withSession(finalizer.address, (s) => finalizeOnReader(s, benchConfig(), { outPath: bec2 }));
  await finalizer.stop();

  // Readers with the smallest buffer the docs allow: many small upload blocks, many frames.
  const fleet = spawn(process.execPath, [CLI, 'simulate', '--count', String(READERS), '--state', path.join(dir, 'fleet'), '--tcp', '127.0.0.1:0', '--buffer-size', '128'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ui = await startUiProcess(['--no-sim']);
  const browser = await launchBrowser();
  try {
    let out = '';
    const addresses = await new Promise<string[]>((resolve) => {
      fleet.stdout.on('data', (d) => {
        out += d;
        const found = [...out.matchAll(/^listening on (.+)$/gm)].map((m) => m[1]!);
        if (found.length === READERS) resolve(found);
      });
    });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(ui.url);
    await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Frame log', exact: true }).click();
    await page.getByRole('heading', { name: 'Frame log', level: 2 }).waitFor();
    await page.evaluate('window.__name = (f) => f');
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });

    // A second client of the same host, as another browser tab would be: it starts the deploys and
    // counts the event messages it gets.
    const url = new URL(ui.url);
    const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    let frames = 0;
    let messages = 0;
    const perSecond = new Map<number, number>();
    const answers = new Map<number, (msg: { ok: boolean; result?: unknown; error?: { message: string } }) => void>();
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (Array.isArray(msg.events)) {
        messages++;
        const s = Math.floor(performance.now() / 1000);
        perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
        for (const e of msg.events) if (e.type === 'frame') frames++;
        return;
      }
      answers.get(msg.id)?.(msg);
    });
    let nextId = 1;
    const call = (method: string, params: unknown[]) =>
      new Promise<unknown>((resolve, reject) => {
        const id = nextId++;
        answers.set(id, (m) => (m.ok ? resolve(m.result) : reject(new Error(m.error?.message))));
        ws.send(JSON.stringify({ id, method, params }));
      });

    const cpu0 = cpuMs(ui.proc.pid!);
    const t0 = performance.now();
    let accepted = 0;
    for (let i = 0; i < DEPLOYS; i++) {
      const results = (await call('deployFile', [bec2, addresses, `bench-${i}`])) as { result: string }[];
      accepted += results.filter((r) => r.result === 'accepted').length;
    }
    const ms = performance.now() - t0;
    const hostCpu = cpuMs(ui.proc.pid!) - cpu0;
    // Let the page draw the last batch.
    await page.waitForTimeout(1000);
    const page_ = await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        long: w.longTasks,
        count: document.querySelector('[data-testid="frame-count"]')?.textContent ?? '',
        heapMb: mem ? mem.usedJSHeapSize / 1024 / 1024 : null,
        rows: document.querySelectorAll('[data-testid="frame-table"] tbody tr[data-direction]').length,
      };
    });
    ws.close();
    const over50 = page_.long.filter((d) => d > 50);
    print(
      `frame log under ${DEPLOYS} deploys to ${READERS} TCP readers (128-byte buffers): ${frames} frames in ${(ms / 1000).toFixed(1)} s, ${accepted}/${DEPLOYS * READERS} accepted; ` +
        `host (readerdesk ui) CPU ${((hostCpu * 1000) / Math.max(1, frames)).toFixed(0)} µs per frame (goal ≤ 150 µs); ` +
        `a client got ${messages} event messages, at most ${Math.max(0, ...perSecond.values())} in one second (goal ≤ 20)`,
    );
    print(
      `the Frame log page meanwhile: ${over50.length} tasks longer than 50 ms (goal none${over50.length ? `; longest ${Math.max(...over50).toFixed(0)} ms` : ''}), ` +
        `${page_.rows} rows in the page for "${page_.count}", JS heap ${page_.heapMb === null ? 'not reported' : `${page_.heapMb.toFixed(0)} MB`}`,
    );
  } finally {
    await browser.close();
    await ui.stop();
    fleet.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
