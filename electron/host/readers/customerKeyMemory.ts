export type CustomerKeyKind = 'default' | 'custom';

export interface CustomerKeyIdentity {
  /** Key signature (Crypto.GetKeySig) of the reader's customer key: identifies it, reveals nothing. */
  signature: string;
  kind: CustomerKeyKind;
}

/**
 * What this host process has learnt about readers' customer keys, so that a reader is asked once
 * per session and reading it (info, connect, refresh) never has to write a key-list entry.
 * A reader is known by its address and Sys.GetInfo string (which carries the serial number).
 */
export class CustomerKeyMemory {
  private readonly known = new Map<string, CustomerKeyIdentity>();

  static readerKey(address: string, firmware: string): string {
    return `${address}\n${firmware}`;
  }

  get(address: string, firmware: string): CustomerKeyIdentity | null {
    return this.known.get(CustomerKeyMemory.readerKey(address, firmware)) ?? null;
  }

  remember(address: string, firmware: string, identity: CustomerKeyIdentity): void {
    this.known.set(CustomerKeyMemory.readerKey(address, firmware), identity);
  }

  /** A factory reset or a new configuration may bring another key: ask again next time. */
  forget(address: string): void {
    for (const k of [...this.known.keys()]) if (k.startsWith(`${address}\n`)) this.known.delete(k);
  }
}

/** The memory of this process (one CLI run, or the app's whole session). */
export const customerKeyMemory = new CustomerKeyMemory();
