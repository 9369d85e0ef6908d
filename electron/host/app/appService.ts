import os from 'node:os';
import type { AppEvent, AppInfo, ConnectOptions, PortEntry, ReadersApi, ReaderSummary } from '../../../shared/api/contract.ts';
import type { ConfigApi } from '../../../shared/api/features/config.ts';
import type { DeployApi } from '../../../shared/api/features/deploy.ts';
import type { EventsApi } from '../../../shared/api/features/events.ts';
import type { DoorfileApi } from '../../../shared/api/features/doorfile.ts';
import type { TagsApi } from '../../../shared/api/features/tags.ts';
import { Listeners } from '../../../shared/listeners.ts';
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

export interface AppServiceOptions {
  shell: 'electron' | 'web';
  /** Address of the embedded virtual reader, listed first among the ports. */
  simulatorAddress?: string | null;
  settings?: SettingsStore;
  /** The USB HID stack the port list looks in (node-hid unless a test plugs in another). */
  hidDevices?: HidDeviceFactory;
}

// The feature slices' methods are mixed into AppService in its constructor.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface AppService extends ConfigApi, DeployApi, EventsApi, DoorfileApi, TagsApi {}

/** The host side of ReaderDeskApi: one instance serves both shells. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AppService implements ReadersApi {
  readonly frames: FrameJournal;
  readonly readers: ReaderManager;
  private readonly listeners = new Listeners<[AppEvent]>();

  readonly context: AppContext;

  constructor(private readonly opts: AppServiceOptions) {
    this.frames = new FrameJournal(5000, (frame) => this.emit({ type: 'frame', frame }));
    this.readers = new ReaderManager({ frameLog: (e) => this.frames.add(e) });
    this.readers.onEvent((e) => this.emit(e));
    this.context = {
      readers: this.readers,
      frames: this.frames,
      settings: opts.settings ?? new SettingsStore(),
      emit: (e) => this.emit(e),
      shell: opts.shell,
      version: APP_VERSION,
      simulatorAddress: opts.simulatorAddress ?? null,
    };
    Object.assign(
      this,
      createConfigService(this.context),
      createDeployService(this.context),
      createEventsService(this.context),
      createDoorfileService(this.context),
      createTagsService(this.context),
    );
  }

  async appInfo(): Promise<AppInfo> {
    return { version: APP_VERSION, platform: `${os.type()} ${os.release()} (${process.arch})`, shell: this.opts.shell, simulatorAddress: this.opts.simulatorAddress ?? null };
  }

  async listPorts(): Promise<PortEntry[]> {
    const { ports: found } = await listReaderPorts({ hidDevices: this.opts.hidDevices });
    const ports: PortEntry[] = found.map((p) => ({ path: p.path, kind: p.kind, manufacturer: p.manufacturer, vendorId: p.vendorId, productId: p.productId }));
    const sim = this.opts.simulatorAddress;
    if (sim) {
      const kind = sim.startsWith('tcp://') ? 'tcp' : 'serial';
      ports.unshift({ path: sim, kind, manufacturer: 'ReaderDesk virtual reader', vendorId: null, productId: null, virtual: true });
    }
    return ports;
  }

  async listReaders(): Promise<ReaderSummary[]> {
    return this.readers.list();
  }

  connect(address: string, options?: ConnectOptions | null): Promise<ReaderSummary> {
    return this.readers.connect(address.trim(), options);
  }

  disconnect(id: string): Promise<void> {
    return this.readers.disconnect(id);
  }

  refreshReader(id: string): Promise<ReaderSummary> {
    return this.readers.refresh(id);
  }

  identifyCustomerKey(id: string): Promise<ReaderSummary> {
    return this.readers.identifyCustomerKey(id);
  }

  onEvent(listener: (event: AppEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    await this.readers.closeAll();
  }

  private emit(e: AppEvent): void {
    this.listeners.emit(e);
  }
}
