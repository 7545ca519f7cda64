// Builds the console into console/dist, which the server serves at / (src/http/console-static.ts).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npm run dev:console` proxies the API to a server started with `npm start`.
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
