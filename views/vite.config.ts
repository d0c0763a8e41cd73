// Builds the embeddable views (views/*.html) into views/dist, which src/http/views.ts serves at
// /view/<name> and /view/assets/*. Relative asset URLs (base './') keep the pages working behind a
// reverse proxy that mounts Zanjir under a path prefix.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Fonts stay files (cached once) rather than base64 inside the CSS.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        dependencies: path.join(root, 'dependencies.html'),
        flows: path.join(root, 'flows.html'),
        balance: path.join(root, 'balance.html'),
        plan: path.join(root, 'plan.html'),
        schedule: path.join(root, 'schedule.html'),
      },
    },
  },
});
