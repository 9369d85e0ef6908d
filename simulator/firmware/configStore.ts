import { fromHex, toHex } from '../../shared/bytes.ts';
import { formatValueId } from '../../shared/config/valueId.ts';

/** The reader's configuration registry: Key (u16) -> Value id (u8) -> up to 128 bytes (brp.md 5.1). */
export class ConfigStore {
  constructor(private readonly values: Record<string, string>) {}

  static id(key: number, value: number): string {
    return formatValueId(key, value);
  }

  get(key: number, value: number): Uint8Array | undefined {
    const hex = this.values[ConfigStore.id(key, value)];
    return hex === undefined ? undefined : fromHex(hex);
  }

  set(key: number, value: number, content: Uint8Array): void {
    this.values[ConfigStore.id(key, value)] = toHex(content);
  }

  delete(key: number, value: number): boolean {
    const id = ConfigStore.id(key, value);
    const had = id in this.values;
    delete this.values[id];
    return had;
  }

  keys(): number[] {
    const set = new Set<number>();
    for (const id of Object.keys(this.values)) set.add(parseInt(id.slice(0, 4), 16));
    return [...set].sort((a, b) => a - b);
  }

  valueIds(key: number): number[] {
    const prefix = key.toString(16).toUpperCase().padStart(4, '0') + '/';
    return Object.keys(this.values)
      .filter((id) => id.startsWith(prefix))
      .map((id) => parseInt(id.slice(5), 16))
      .sort((a, b) => a - b);
  }

  /**
   * CfgDelValues with its 0xFF wildcards. Wildcards never delete SubKeys >= 0x80 (brp.md 4.9).
   * Returns how many values went away.
   */
  deleteMatching(key: number, value: number): number {
    const master = key >> 8;
    const sub = key & 0xff;
    let n = 0;
    for (const id of Object.keys(this.values)) {
      const k = parseInt(id.slice(0, 4), 16);
      const v = parseInt(id.slice(5), 16);
      const kMaster = k >> 8;
      const kSub = k & 0xff;
      let hit: boolean;
      if (master === 0xff) hit = kSub < 0x80;
      else if (sub === 0xff) hit = kMaster === master && kSub < 0x80;
      else if (value === 0xff) hit = k === key;
      else hit = k === key && v === value;
      if (hit) {
        delete this.values[id];
        n++;
      }
    }
    return n;
  }

  usedBytes(): number {
    let n = 0;
    for (const hex of Object.values(this.values)) n += 4 + hex.length / 2;
    return n;
  }

  snapshot(): Record<string, string> {
    return { ...this.values };
  }
}
