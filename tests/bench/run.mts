// `npm run bench`: runs every *.bench.ts here in turn and writes bench-results.json.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { record, type Figure } from './bench-kit.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
for (const f of files) {
  console.log(`== ${f}`);
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run(): Promise<Figure[]> };
  record(await mod.run());
}
