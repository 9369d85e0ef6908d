// Vitest global set-up: the tests run the CLI as users do, from its bundle (dist-cli/). Built here,
// once before any test starts, and only when a source changed since the last build.
import { ensureCliBundle } from '../../tools/build-cli.mjs';

export default async function setup(): Promise<void> {
  await ensureCliBundle({ onBuild: () => console.log('building the CLI bundle (dist-cli/) for the tests') });
}
