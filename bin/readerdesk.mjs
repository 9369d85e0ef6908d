#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
const code = await runCli(process.argv.slice(2));
// Simulators and the UI keep running until interrupted; everything else ends here.
process.exitCode = code;
if (!['simulate', 'ui', 'events'].includes(process.argv[2] ?? '')) process.exit(code);
