import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built page may load only its own assets: no CDN, fonts, telemetry or other origins. Only the build
 * gets this policy, because the dev server injects an inline script for React Fast Refresh.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  // recharts and the virtualised table position elements with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'srd-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// `npm start` serves the app on 5173 and `npm run preview` serves the build on 4173.
export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  // Relative asset paths, so the built app also works from a sub-folder.
  base: './',
  worker: {
    // The ingest worker is bundled as an ES module worker (`new Worker(url, { type: 'module' })`).
    format: 'es',
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // One entry served from the local machine: about 860 kB, mostly recharts and the classifier's tables.
    chunkSizeWarningLimit: 1000,
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
