// Benchmarks of the feature areas beyond the link layer.
import { benchDoorfile } from './doorfile.bench.ts';
import { benchUi } from './ui.bench.ts';
import { benchDeploy } from './deploy.bench.ts';
import { benchFleet } from './fleet.bench.ts';
import { benchFramelog } from './framelog.bench.ts';
import { benchStartup } from './startup.bench.ts';
import { benchConfig } from './config.bench.ts';

export const benches: [string, (print: (line: string) => void) => Promise<void>][] = [
  ['deploy', benchDeploy],
  ['fleet', benchFleet],
  ['framelog', benchFramelog],
  ['doorfile', benchDoorfile],
  ['ui', benchUi],
  ['startup', benchStartup],
  ['config', benchConfig],
];
