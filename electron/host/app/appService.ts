import os from 'node:os';
import type { AppEvent, AppInfo, ConnectOptions, PortEntry, ReadersApi, ReaderSummary, RunningJob } from '../../../shared/api/contract.ts';
import type { ConfigApi } from '../../../shared/api/features/config.ts';
import type { DeployApi } from '../../../shared/api/features/deploy.ts';
import type { EventsApi } from '../../../shared/api/features/events.ts';
import type { DoorfileApi } from '../../../shared/api/features/doorfile.ts';
import type { TagsApi } from '../../../shared/api/features/tags.ts';
import type { FilesApi } from '../../../shared/api/features/files.ts';
import { createFilesService } from './features/filesService.ts';
import { FileAccess } from '../files/fileAccess.ts';
import { Listeners } from '../../../shared/listeners.ts';
import { HostError } from '../../../shared/errors/hostError.ts';
import { SettingsStore } from './settings.ts';
import type { AppContext } from './appContext.ts';
import { createConfigService } from './features/configService.ts';
import { createDeployService } from './features/deployService.ts';
import { createEventsService } from './features/eventsService.ts';
import { createDoorfileService } from './features/doorfileService.ts';
import { createTagsService } from './features/tagsService.ts';
import { listReaderPorts } from '../ports/listPorts.ts';
import type { HidDeviceFactory } from '../transport/hidDevice.ts';
import { ReaderManager } from './readerManager.ts';
import { FrameJournal } from './frameJournal.ts';
import { APP_VERSION } from './version.ts';
import { JobTracker } from './jobTracker.ts';
import type { ReaderActivity } from './activity.ts';
import { PortWatcher } from '../ports/portWatcher.ts';
import { knownPortEntries } from '../ports/knownPorts.ts';
import { forgetReader, readerNameOf, rememberReader, restoreReaders, setReaderName } from './rememberedReaders.ts';
import { portMaxBaudOf, setPortMaxBaud } from './portMaxBaud.ts';
import { useNodeAes } from '../../../node/crypto/nodeAesEngine.ts';

export interface AppServiceOptions {
  shell: 'electron' | 'web';
  /** Address of the embedded virtual reader, listed first among the ports. */
  simulatorAddress?: string | null;
  settings?: SettingsStore;
  /** The USB HID stack the port list looks in (node-hid unless a test plugs in another). */
  hidDevices?: HidDeviceFactory;
  /** How often the port list is asked again for readers plugged in or out. */
  portPollMs?: number;
  /** How long a dropped reader is tried at once, and how often afterwards (ReaderManager's defaults otherwise). */
  readerRetry?: { reconnectForMs?: number; retryEveryMs?: number };
}

// The feature slices' methods are mixed into AppService in its constructor.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface AppService extends ConfigApi, DeployApi, EventsApi, DoorfileApi, TagsApi, FilesApi {}

/** The host side of ReaderDeskApi: one instance serves both shells. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AppService implements ReadersApi {
  readonly frames: FrameJournal;
  readonly readers: ReaderManager;
  private readonly listeners = new Listeners<[AppEvent]>();
  private readonly ports: PortWatcher;

  readonly context: AppContext;

  constructor(private readonly opts: AppServiceOptions) {
    useNodeAes();
    const settings = opts.settings ?? new SettingsStore();
    this.frames = new FrameJournal(5000, (frame) => this.emit({ type: 'frame', frame }));
    this.readers = new ReaderManager({
      frameLog: (e) => this.frames.add(e),
      nameOf: (serial, address) => readerNameOf(settings, serial, address),
      maxBaudOf: (address) => portMaxBaudOf(settings, opts.simulatorAddress ?? null, address),
      virtualAddress: opts.simulatorAddress ?? null,
      ...opts.readerRetry,
    });
    this.readers.onEvent((e) => this.emit(e));
    this.context = {
      readers: this.readers,
      frames: this.frames,
      settings,
      // The desktop app grants files through its native dialogs; the web shell's client names them itself.
      files: new FileAccess(opts.shell === 'electron' ? 'dialog' : 'client', (kind) => settings.recentFiles(kind)),
      jobs: new JobTracker((jobs) => this.emit({ type: 'jobs-changed', jobs })),
      activity: new Listeners<[ReaderActivity]>(),
      emit: (e) => this.emit(e),
      shell: opts.shell,
      version: APP_VERSION,
      simulatorAddress: opts.simulatorAddress ?? null,
    };
    this.ports = new PortWatcher({ list: () => this.listPorts(), everyMs: opts.portPollMs });
    this.ports.onChange((ports) => this.emit({ type: 'ports-changed', ports }));
    // A port taken or given back shows in the list at once, not with the next poll.
    this.readers.onEvent((e) => {
      if (e.type === 'reader-removed' || (e.type === 'reader-changed' && e.reader.state !== 'reconnecting')) void this.ports.check();
    });
    Object.assign(
      this,
      createConfigService(this.context),
      createDeployService(this.context),
      createEventsService(this.context),
      createDoorfileService(this.context),
      createTagsService(this.context),
      createFilesService(this.context),
    );
  }

  async appInfo(): Promise<AppInfo> {
    return { version: APP_VERSION, platform: `${os.type()} ${os.release()} (${process.arch})`, shell: this.opts.shell, simulatorAddress: this.opts.simulatorAddress ?? null };
  }

  /**
   * Starts the background work: the port list follows hot-plug, and the readers of the last run come
   * back (on the very first start, the embedded virtual reader is connected at once).
   */
  start(): void {
    this.ports.start();
    restoreReaders(this.context);
  }

  async listPorts(): Promise<PortEntry[]> {
    const { ports: found } = await listReaderPorts({ hidDevices: this.opts.hidDevices });
    const connected = new Map(this.readers.list().map((r) => [r.address, r.id]));
    const ports: PortEntry[] = found.map((p) => ({
      path: p.path,
      kind: p.kind,
      manufacturer: p.manufacturer,
      vendorId: p.vendorId,
      productId: p.productId,
      readerId: connected.get(p.path) ?? null,
    }));
    const sim = this.opts.simulatorAddress;
    if (sim) {
      const kind = sim.startsWith('tcp://') ? 'tcp' : 'serial';
      ports.unshift({ path: sim, kind, manufacturer: 'ReaderDesk virtual reader', vendorId: null, productId: null, virtual: true, readerId: connected.get(sim) ?? null });
    }
    // Readers ReaderDesk knows whose device is there now (a reader that is not listed by the OS's
    // serial port enumeration, such as a pty, still comes and goes in the list).
    for (const known of knownPortEntries(this.context, ports)) ports.push({ ...known, readerId: connected.get(known.path) ?? null });
    return ports;
  }

  async listReaders(): Promise<ReaderSummary[]> {
    return this.readers.list();
  }

  async connect(address: string, options?: ConnectOptions | null): Promise<ReaderSummary> {
    const reader = await this.readers.connect(address.trim(), options);
    await rememberReader(this.context, reader, options ?? {});
    return reader;
  }

  async disconnect(id: string): Promise<void> {
    const reader = this.readers.list().find((r) => r.id === id);
    await this.readers.disconnect(id);
    if (reader) await forgetReader(this.context, reader);
  }

  refreshReader(id: string): Promise<ReaderSummary> {
    return this.readers.refresh(id);
  }

  identifyCustomerKey(id: string): Promise<ReaderSummary> {
    return this.readers.identifyCustomerKey(id);
  }

  async setReaderName(id: string, name: string): Promise<ReaderSummary> {
    const reader = this.readers.list().find((r) => r.id === id);
    if (!reader) throw new HostError('reader.not-connected', {});
    await setReaderName(this.context, reader, name);
    return this.readers.renamed(id);
  }

  async setPortMaxBaud(id: string, maxBaud: number): Promise<ReaderSummary> {
    const reader = this.readers.list().find((r) => r.id === id);
    if (!reader) throw new HostError('reader.not-connected', {});
    if (reader.baudRate === null) throw new HostError('reader.no-line-speed', { address: reader.address });
    await setPortMaxBaud(this.context, reader.address, maxBaud);
    return this.readers.renamed(id);
  }

  async runningJobs(): Promise<RunningJob[]> {
    return this.context.jobs.list();
  }

  onEvent(listener: (event: AppEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.ports.stop();
    await this.readers.closeAll();
    // A reader connected just before closing is remembered by a write that may still be under way:
    // quitting right after the first start must not forget the virtual reader.
    await this.context.settings.flush();
  }

  private emit(e: AppEvent): void {
    this.listeners.emit(e);
  }
}
