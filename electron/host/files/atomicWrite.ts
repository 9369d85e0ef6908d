// The atomic writer lives in node/files/atomicWrite.ts (shared by the host, the CLI and the virtual
// reader). This re-export only keeps lifecycle/finalize.ts, which another change owns, compiling
// until its import points there; new code imports node/ directly.
export { writeFileAtomic, type AtomicWriteOptions } from '../../../node/files/atomicWrite.ts';
