import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm start` serves the app on 5173 and `npm run preview` serves the build on 4173 (ports set in package.json).
export default defineConfig({
  plugins: [react(), tailwindcss()],
  // Relative asset paths, so the built app also works from a sub-folder or a file share.
  base: './',
  worker: {
    // The ingest worker imports the format modules as ES modules.
    format: 'es',
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
