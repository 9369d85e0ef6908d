// One virtual reader in its own process, so the soak can kill it outright (SIGKILL) at any moment.
// argv: <stateDir> <port>. Prints "listening on tcp://…" once it answers.
import { startSimulator } from '../../simulator/startSimulator.ts';

const [stateDir, port] = process.argv.slice(2);
const sim = await startSimulator({ stateDir: stateDir!, tcp: { host: '127.0.0.1', port: Number(port ?? 0) }, rebootMs: 150 });
process.stdout.write(`listening on ${sim.address}\n`);
process.on('SIGTERM', () => void sim.stop().then(() => process.exit(0)));
