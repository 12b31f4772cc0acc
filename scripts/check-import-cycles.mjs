// Fails when two source files import each other, directly or around a longer circle. Type-only
// imports count: a type declared in the wrong home is how circles start here (a domain handler
// importing HandlerDeps from the file that imports every domain handler). Each layer looks down.
// Usage: node scripts/check-import-cycles.mjs   (part of `npm run lint`)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['electron', 'renderer', 'shared', 'server', 'scripts', 'tests'];
const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'screenshots', '.data', '.tmp']);

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The source file a relative specifier names (`./x.js` is ./x.ts or ./x.tsx), or null. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m|c)?jsx?$/, '');
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${stem}.mts`,
    `${stem}.cts`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((c) => SOURCE_FILE.test(c) && existsSync(c) && statSync(c).isFile()) ?? null;
}

/**
 * The import circles among the source files under `dirs` of `base`: each a list of files that
 * reach each other through imports (type-only ones included), with one path around it.
 *
 * @example
 * findImportCycles(root, ['shared']); // [] when shared/ has no circle
 */
export function findImportCycles(base, dirs = SOURCE_DIRS) {
  const files = dirs.flatMap((d) => sourceFiles(join(base, d)));
  const graph = new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((t) => t !== null && t !== file);
      return [file, [...new Set(targets)]];
    }),
  );

  // Tarjan's strongly connected components: every component of more than one file is a circle.
  let index = 0;
  const stack = [];
  const state = new Map();
  const circles = [];
  function visit(v) {
    state.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!state.has(w)) {
        visit(w);
        state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
      } else if (state.get(w).onStack) {
        state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
      }
    }
    if (state.get(v).low === state.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        state.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) circles.push(component);
    }
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file);

  /** One concrete path around a component, from its first file back to it, for the message. */
  function loopThrough(component) {
    const members = new Set(component);
    const start = [...component].sort()[0];
    const previous = new Map([[start, null]]);
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift();
      for (const w of graph.get(v)) {
        if (w === start) {
          const path = [start];
          for (let at = v; at !== start; at = previous.get(at)) path.splice(1, 0, at);
          return [...path, start];
        }
        if (members.has(w) && !previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return component;
  }
  return circles.map((component) => ({ files: [...component].sort(), loop: loopThrough(component) }));
}

// Run as a script (npm run lint), not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rel = (f) => relative(root, f);
  const found = findImportCycles(root);
  const count = SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d))).length;
  if (found.length === 0) {
    console.log(`import cycles: none in ${count} files`);
  } else {
    console.error(
      `import cycles: ${found.length} found. Move the shared type or function to a file both sides import, below them both.`,
    );
    for (const c of found) {
      console.error(`\n  ${c.files.length} files: ${c.loop.map(rel).join(' -> ')}`);
      if (c.files.length > 2) console.error(`  (the circle also holds ${c.files.map(rel).join(', ')})`);
    }
    process.exit(1);
  }
}
