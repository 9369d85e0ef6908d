import * as Sys from '../../shared/brp/commands/sys.ts';
import { MainBf3UploadContinue } from '../../shared/brp/commands/main.ts';
import type { RunningSimulator } from '../../simulator/startSimulator.ts';

/** A command a virtual reader received, with the rate its line ran at when it arrived. */
export interface SeenCommand {
  cmdCode: number;
  baud: number;
  payload: Uint8Array;
}

/** Records, from now on, every command the virtual reader receives and the rate it arrived at. */
export function watchLineRates(sim: RunningSimulator): SeenCommand[] {
  const seen: SeenCommand[] = [];
  sim.reader.watchCommands((f) => seen.push({ cmdCode: f.cmdCode, baud: sim.reader.line.baud, payload: f.payload }));
  return seen;
}

/** The rates the host asked the reader for (Sys.SetCommParam), in order. */
export function commParams(seen: readonly SeenCommand[]): number[] {
  return seen.filter((s) => s.cmdCode === Sys.SysSetCommParam.code).map((s) => Sys.SysSetCommParam.decodeRequest(s.payload).baud);
}

/** The rates the upload blocks travelled at, each once. */
export function uploadRates(seen: readonly SeenCommand[]): number[] {
  return [...new Set(seen.filter((s) => s.cmdCode === MainBf3UploadContinue.code).map((s) => s.baud))];
}
