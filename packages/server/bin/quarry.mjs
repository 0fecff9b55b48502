#!/usr/bin/env node
// The `quarry` command. TypeScript runs through tsx (registered here, so the command works from any
// directory); job workers register it themselves (src/jobs/worker.mjs).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
