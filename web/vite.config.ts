import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The config is called from the repository root (`npx vite build --config web/vite.config.ts`),
// so every path is anchored on this file's folder rather than on the working directory.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const backEnd = 'http://127.0.0.1:8058';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': backEnd,
      '/healthz': backEnd,
      '/readyz': backEnd,
    },
  },
});
