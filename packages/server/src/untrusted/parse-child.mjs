// Entry of the child process that parses an untrusted upload (parse-untrusted.ts). It runs as a plain Node
// process, so it registers the TypeScript loader itself before loading the parser (as jobs/worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./child-main.ts');
