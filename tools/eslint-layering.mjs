// ESLint rule that keeps the layers of docs/architecture.md apart (in the spirit of VS Code's
// code-layering rule): every import is resolved to a layer, a Node built-in or a package, and
// checked against what the importing layer may use. test/unit/layering.test.ts proves each refusal.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set(builtinModules);

// Packages by what they need to run. A package not listed for a layer is refused there: add it
// to the list of the layer it belongs to (and only there) when the project takes it up.
/** Pure TypeScript/JavaScript that runs anywhere: browser, Node, the simulator. */
const PURE = ['zod', '@noble/ciphers', '@noble/hashes'];
/** The UI's libraries (browser only). */
const UI = ['react', 'react-dom', 'i18next', 'react-i18next', '@tanstack/react-virtual', 'zustand', 'lucide-react', '@radix-ui/*'];
/** Node packages with native parts or sockets, and where the OS keeps an app's files. */
const NODE_IO = ['serialport', '@serialport/bindings-cpp', 'node-hid', 'ws', 'env-paths'];
/** The serial device both the host and the virtual reader open (node/serial). */
const SERIAL = ['@serialport/bindings-cpp'];

/** What each layer may import: other layers (relative imports), Node's built-ins, packages. */
const LAYERS = {
  shared: { layers: ['shared'], builtins: false, packages: PURE },
  /** Node-only helpers that the host, the CLI and the simulator share. */
  node: { layers: ['shared', 'node'], builtins: true, packages: [...PURE, ...SERIAL] },
  renderer: { layers: ['shared', 'renderer'], builtins: false, packages: [...PURE, ...UI] },
  simulator: { layers: ['shared', 'node', 'simulator'], builtins: true, packages: [...PURE, ...SERIAL] },
  'electron-node': { layers: ['shared', 'node', 'electron-node', 'simulator'], builtins: true, packages: [...PURE, ...NODE_IO] },
  'electron-shell': { layers: ['shared', 'node', 'electron-node', 'electron-shell', 'simulator'], builtins: true, packages: [...PURE, ...NODE_IO, 'electron'] },
};

const WHY_BUILTIN = {
  shared: 'shared/ is pure TypeScript that also runs in the browser',
  renderer: 'the renderer runs in a sandboxed browser page; the host does Node work',
};

function layerOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep);
  // Build configuration runs in Node at build time, whatever folder it sits in.
  if (/\.config\.(ts|mjs|cjs|js)$/.test(rel[rel.length - 1])) return 'tooling';
  if (rel[0] === 'electron') {
    const base = rel[rel.length - 1];
    if (rel.length === 2 && ['main.ts', 'preload.ts', 'ipc.ts'].includes(base)) return 'electron-shell';
    return 'electron-node';
  }
  return rel[0];
}

function isBuiltin(spec) {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
}

/** 'react-dom/client' → 'react-dom', '@noble/hashes/sha2' → '@noble/hashes'. */
function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function packageAllowed(pkg, allowed) {
  return allowed.some((a) => (a.endsWith('/*') ? pkg.startsWith(a.slice(0, -1)) : pkg === a));
}

const rule = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{from}} may not import {{what}}: {{why}}' } },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = layerOf(file);
    const may = LAYERS[from];
    if (!may) return {};
    const report = (node, what, why) => context.report({ node, messageId: 'layer', data: { from, what, why } });
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = layerOf(path.resolve(path.dirname(file), spec));
        if (!may.layers.includes(target)) report(node, spec, `${from} may use only ${may.layers.join(', ')}`);
        return;
      }
      if (isBuiltin(spec)) {
        if (!may.builtins) report(node, spec, WHY_BUILTIN[from] ?? `${from} may not use Node's built-in modules`);
        return;
      }
      const pkg = packageOf(spec);
      if (pkg === 'electron' && !may.packages.includes('electron')) {
        report(node, spec, 'only electron/main.ts, preload.ts and ipc.ts import electron');
        return;
      }
      if (!packageAllowed(pkg, may.packages)) {
        report(node, spec, `${from} may use the packages ${may.packages.join(', ')} (tools/eslint-layering.mjs lists what each layer may use)`);
      }
    }
    const literal = (n) => (n && n.type === 'Literal' ? n.value : undefined);
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => check(n, literal(n.source)),
      // import x = require('…'), require('…') and type-level import('…') reach a module just the same.
      TSExternalModuleReference: (n) => check(n, literal(n.expression)),
      CallExpression: (n) => n.callee.type === 'Identifier' && n.callee.name === 'require' && check(n, literal(n.arguments[0])),
      TSImportType: (n) => check(n, literal(n.source)),
    };
  },
};

export default { rules: { imports: rule } };
