#!/usr/bin/env node
// The `zanjir` command. Zanjir runs from its TypeScript sources through tsx (no build step),
// so `npm ci && npm start` and `npx zanjir …` work on a fresh clone.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
