// Runs a benchmark script the way `quarry` runs the server (packages/server/bin/quarry.mjs): TypeScript through
// tsx's ESM loader only. `tsx script.ts` also installs tsx's CommonJS hook, whose WebAssembly lexer grows its
// memory on large CommonJS sources (DuckDB's binding, for one); that detaches an ArrayBuffer, and V8 then
// checks for detached buffers on every typed-array access in the process (~15% on a tree walk, measured;
// docs/decisions.md 41). In-process timings must not pay a cost the product does not pay.
//
//   node bench/like-product.mjs bench/serve/run.ts [flags…]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [script] = process.argv.splice(2, 1);
await import(pathToFileURL(resolve(script)).href);
