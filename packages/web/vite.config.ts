import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // vega-embed (with vega and vega-lite) is loaded with import() the first time a chart is drawn, so it
    // lands in its own chunk of about 0.9 MB and the main bundle stays small; that chunk is expected to be big.
    chunkSizeWarningLimit: 1000,
  },
  // The lesson worker (academy/curriculum/lesson-worker.ts) is started with `type: 'module'`: bundle it as an ES
  // module, so it may share code-split chunks and needs no classic-script wrapper.
  worker: { format: 'es' },
  server: {
    proxy: {
      // Host and Origin go through unchanged (no changeOrigin): the server refuses a request whose Origin does
      // not match its Host, and the page and its /api calls both come from this dev server's address.
      '/api': { target: 'http://127.0.0.1:8787' },
    },
  },
});
