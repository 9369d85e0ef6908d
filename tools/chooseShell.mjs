// Which shell `npm start` opens, and why: the Electron app where its binary is installed or can be
// fetched now, the web shell otherwise. Every input is a parameter, so tests can ask without a download.
import { electronBinary, fetchElectronBinary, fetchRefusal } from './electronBinary.mjs';

/**
 * Resolves to { electron: <executable> } or { web: <why, as a sentence fragment> }.
 * `onFetch` is told before a download starts, which can take a while.
 */
export async function chooseShell({
  wantWeb = false,
  env = process.env,
  platform = process.platform,
  installed = electronBinary(),
  refusal = fetchRefusal({ env }),
  fetch = fetchElectronBinary,
  onFetch = () => {},
} = {}) {
  if (wantWeb) return { web: 'you asked for it (--web)' };
  if (installed) return { electron: installed };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { web: 'this machine has no graphical display (DISPLAY is not set), so an Electron window could not open' };
  }
  if (refusal) return { web: refusal };
  onFetch();
  const fetched = await fetch();
  return fetched.binary ? { electron: fetched.binary } : { web: `Electron's binary could not be fetched: ${fetched.reason}` };
}
