// ESLint rule that keeps the layers of docs/architecture.md apart (in the spirit of VS Code's
// code-layering rule): every import is resolved to a folder and checked against what the
// importing folder may use.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set([
  'fs', 'path', 'os', 'net', 'crypto', 'child_process', 'http', 'https', 'events', 'stream', 'url', 'util',
  'tty', 'readline', 'zlib', 'worker_threads', 'dgram', 'dns', 'buffer', 'process', 'timers', 'assert',
]);

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

const ALLOWED = {
  shared: ['shared'],
  node: ['shared', 'node'],
  renderer: ['shared', 'renderer'],
  simulator: ['shared', 'node', 'simulator'],
  'electron-node': ['shared', 'node', 'electron-node', 'simulator'],
  'electron-shell': ['shared', 'node', 'electron-node', 'electron-shell', 'simulator'],
};

const rule = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{from}} may not import {{what}}: {{why}}' } },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = layerOf(file);
    const allowed = ALLOWED[from];
    if (!allowed) return {};
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
      if (spec === 'electron' || spec.startsWith('electron/')) {
        if (from !== 'electron-shell') {
          context.report({ node, messageId: 'layer', data: { from, what: spec, why: 'only electron/main.ts, preload.ts and ipc.ts import electron' } });
        }
        return;
      }
      if (spec.startsWith('node:') || NODE_BUILTINS.has(bare.split('/')[0])) {
        if (from === 'shared' || from === 'renderer') {
          context.report({ node, messageId: 'layer', data: { from, what: spec, why: 'shared/ and renderer/ must run in a browser' } });
        }
        return;
      }
      if (!spec.startsWith('.')) return;
      const target = layerOf(path.resolve(path.dirname(file), spec));
      if (!allowed.includes(target)) {
        context.report({ node, messageId: 'layer', data: { from, what: spec, why: `${from} may use only ${allowed.join(', ')}` } });
      }
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

export default { rules: { imports: rule } };
