// electron-builder configuration: `npm run dist` builds the renderer and the main process first,
// then the installers for the platform it runs on (AppImage + deb on Linux, NSIS on Windows, DMG on macOS).
// Icons come from build-resources/ (regenerate with `node build-resources/make-icons.mjs`).
// Checked by test/unit/packaging.test.ts.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.readerdesk.desktop',
  productName: 'ReaderDesk',
  copyright: 'Copyright © ReaderDesk authors',
  directories: { output: 'release', buildResources: 'build-resources' },
  // The app is the two builds plus the runtime modules main.cjs leaves external (serialport and its binding, node-hid, ws).
  // Everything else main.cjs needs is bundled into it; tsx/esbuild only serve a checkout.
  files: [
    'package.json',
    'dist-electron/**/*',
    'dist-renderer/**/*',
    '!**/*.map',
    '!**/*.{ts,tsx,mts,cts}',
    '!**/{test,tests,__tests__,__mocks__,spec,example,examples,docs}/**',
    '!**/*.{md,markdown}',
    '!node_modules/{tsx,esbuild,@esbuild,zod,get-tsconfig,resolve-pkg-maps}/**',
    '!node_modules/@serialport/bindings-cpp/{src,binding.gyp}',
    '!node_modules/node-hid/{src,hidapi}/**',
    '!node_modules/node-hid/binding.gyp',
  ],
  asar: true,
  // The native serial-port and HID bindings must live on disk, not inside app.asar.
  asarUnpack: ['node_modules/@serialport/bindings-cpp/prebuilds/**', 'node_modules/@serialport/bindings-cpp/build/**', 'node_modules/node-hid/prebuilds/**', '**/*.node'],
  // The command line ships beside the app, outside app.asar (whose integrity Electron checks and which
  // a plain Node cannot read): the bundle, the UI for `readerdesk ui`, and the native bindings
  // (serialport's, node-hid) with every package they need, the only things the bundle loads from
  // node_modules. Run it with Node 20.19+:
  //   node <install dir>/resources/cli/dist-cli/readerdesk.mjs --help
  extraResources: [
    { from: 'dist-cli', to: 'cli/dist-cli', filter: ['*.mjs'] },
    { from: 'dist-renderer', to: 'cli/dist-renderer', filter: ['**/*', '!**/*.map'] },
    ...['@serialport', 'debug', 'ms', 'node-gyp-build', 'node-addon-api', 'node-hid', 'pkg-prebuilds'].map((pkg) => ({
      from: `node_modules/${pkg}`,
      to: `cli/node_modules/${pkg}`,
      filter: ['**/*', '!**/*.{md,map,ts,cc,cpp,c,h,gyp,gypi}', '!**/{test,docs,hidapi}/**'],
    })),
  ],
  // serialport and node-hid ship N-API prebuilds that load in Electron as they are: no compiler on the build machine.
  npmRebuild: false,
  // No auto-update, no upload: the app and its build make no network connections of their own.
  publish: null,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The renderer comes through the readerdesk:// scheme (electron/appProtocol.ts), never file://.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build-resources/icons',
    category: 'Utility',
    executableName: 'readerdesk',
    synopsis: 'Configuration manager for BALTECH BRP readers',
    description: 'Configure, deploy and check BALTECH RFID readers over serial ports and TCP.',
    maintainer: 'ReaderDesk authors <readerdesk@localhost>',
  },
  // socat runs the built-in virtual reader; serial access needs the user in the dialout group.
  deb: { recommends: ['socat'] },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  win: { target: ['nsis'], icon: 'build-resources/icon.ico' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  mac: {
    target: ['dmg'],
    icon: 'build-resources/icon.icns',
    category: 'public.app-category.utilities',
    hardenedRuntime: true,
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
};
