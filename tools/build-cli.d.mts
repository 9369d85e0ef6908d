// Types of tools/build-cli.mjs for the TypeScript that calls it (test set-up, bench).
export const CLI_DIR: string;
export const CLI_BUNDLE: string;
export const CLI_EXTERNALS: string[];
export function cliBundleIsFresh(): boolean;
export function buildCliBundle(): Promise<string>;
export function ensureCliBundle(opts?: { onBuild?: () => void }): Promise<string>;
