import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles } from '../../../scripts/check-import-cycles.mjs';
import { makeTempDir } from '../../helpers/tmp.js';

/** A throwaway source tree: path → file text. */
function tree(files: Record<string, string>): string {
  const root = makeTempDir('shiftdeck-cycles-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const names = (root: string, files: string[]) => files.map((f) => f.slice(root.length + 1));

describe('import cycle check', () => {
  it('finds a circle made by a type-only import, as the domain handlers and handlers.ts had', () => {
    const root = tree({
      'core/handlers.ts':
        "import { createTraining } from './training/handlers.js';\nexport interface HandlerDeps { a: 1 }\nexport const all = [createTraining];\n",
      'core/training/handlers.ts':
        "import type { HandlerDeps } from '../handlers.js';\nexport const createTraining = (d: HandlerDeps) => d;\n",
    });
    const found = findImportCycles(root, ['core']);
    expect(found).toHaveLength(1);
    expect(names(root, found[0].files)).toEqual(['core/handlers.ts', 'core/training/handlers.ts']);
    expect(names(root, found[0].loop)).toEqual(['core/handlers.ts', 'core/training/handlers.ts', 'core/handlers.ts']);
  });

  it('finds a longer circle and a .tsx file, and follows a re-export', () => {
    const root = tree({
      'ui/a.tsx': "import { B } from './b.js';\nexport const A = () => B;\n",
      'ui/b.ts': "export { C as B } from './c.js';\n",
      'ui/c.ts': "import { A } from './a.js';\nexport const C = A;\n",
    });
    const found = findImportCycles(root, ['ui']);
    expect(found).toHaveLength(1);
    expect(names(root, found[0].loop)).toEqual(['ui/a.tsx', 'ui/b.ts', 'ui/c.ts', 'ui/a.tsx']);
  });

  it('passes a tree whose shared type lives in its own file below both sides', () => {
    const root = tree({
      'core/handler-deps.ts': 'export interface HandlerDeps { a: 1 }\n',
      'core/handlers.ts':
        "import type { HandlerDeps } from './handler-deps.js';\nimport { createTraining } from './training/handlers.js';\nexport const all = (d: HandlerDeps) => [createTraining(d)];\n",
      'core/training/handlers.ts':
        "import type { HandlerDeps } from '../handler-deps.js';\nimport { z } from 'zod';\nexport const createTraining = (d: HandlerDeps) => [d, z];\n",
    });
    expect(findImportCycles(root, ['core'])).toEqual([]);
  });
});
