#!/usr/bin/env node
// `readerdesk` in a checkout: runs the bundled CLI (dist-cli/, plain JavaScript), and first builds it
// with esbuild when it is missing or older than its sources (about a second, once after each change).
// The packaged app ships dist-cli/ itself and runs it without this launcher.
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, buildCliBundle, cliBundleIsFresh } from '../tools/build-cli.mjs';

if (!cliBundleIsFresh()) {
  process.stderr.write('readerdesk: building the command line from its sources into dist-cli/ …\n');
  try {
    await buildCliBundle();
  } catch (err) {
    const noEsbuild = err?.code === 'ERR_MODULE_NOT_FOUND' && /esbuild/.test(err.message);
    process.stderr.write(
      noEsbuild
        ? 'readerdesk: dist-cli/ needs a build and esbuild is not installed; run "npm install" (with dev dependencies) in the checkout, then try again.\n'
        : `readerdesk: could not build dist-cli/: ${err?.message ?? err}\n`,
    );
    process.exit(1);
  }
}
await import(pathToFileURL(CLI_BUNDLE).href);
