// The packaged app's layout, read from electron-builder.config.cjs: what a test needs to check what
// ships and to lay the command line out as an installer would.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { minimatch } from 'minimatch';
import { ROOT } from './processes.ts';

const require = createRequire(import.meta.url);
export const builderConfig = require(path.join(ROOT, 'electron-builder.config.cjs'));
const res = (p: string) => path.join(ROOT, p);

/** Installed packages a set of packages loads at run time: them and their `dependencies`, transitively. */
export function runtimeClosure(names: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    if (seen.has(name) || !fs.existsSync(manifest)) return;
    seen.add(name);
    for (const dep of Object.keys(JSON.parse(fs.readFileSync(manifest, 'utf8')).dependencies ?? {})) visit(dep);
  };
  names.forEach(visit);
  return [...seen];
}

export interface FileSet {
  from: string;
  to: string;
  filter: string[];
}

/** Copies the app's extraResources as electron-builder lays them out: `to` under resources/. */
export function layOutExtraResources(resources: string): void {
  for (const set of builderConfig.extraResources as FileSet[]) {
    const include = set.filter.filter((f) => !f.startsWith('!'));
    const exclude = set.filter.filter((f) => f.startsWith('!')).map((f) => f.slice(1));
    const from = res(set.from);
    if (!fs.existsSync(from)) continue;
    for (const rel of fs.readdirSync(from, { recursive: true, encoding: 'utf8' })) {
      const src = path.join(from, rel);
      if (!fs.statSync(src).isFile()) continue;
      const wanted = include.some((p) => minimatch(rel, p, { dot: true })) && !exclude.some((p) => minimatch(rel, p, { dot: true }));
      if (!wanted) continue;
      fs.mkdirSync(path.dirname(path.join(resources, set.to, rel)), { recursive: true });
      fs.copyFileSync(src, path.join(resources, set.to, rel));
    }
  }
}

