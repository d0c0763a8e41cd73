// The solve pool's worker thread (src/engine/pool.ts). Zanjir runs from its TypeScript sources
// through tsx, and a worker thread does not inherit the loader hooks its parent registered
// (under `node bin/zanjir.js`, tsx, or vitest), so it registers them itself, as bin/zanjir.js does.
import { register } from 'tsx/esm/api';

register();
await import('./solve-worker.ts');
