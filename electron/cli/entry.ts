// The CLI as a process: what `readerdesk` runs (bundled into dist-cli/readerdesk.mjs by tools/build-cli.mjs).
import { runCli } from './main.ts';

const argv = process.argv.slice(2);
const code = await runCli(argv);
process.exitCode = code;
// Simulators, the web shell and the event stream keep running until interrupted; everything else ends here.
if (!['simulate', 'ui', 'events'].includes(argv[0] ?? '')) process.exit(code);
