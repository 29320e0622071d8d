import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** Path of the template the report build writes; the page fetches it from its own origin. */
const REPORT_TEMPLATE = fileURLToPath(new URL('./dist/report/report-template.html', import.meta.url));

/**
 * Serves the built report template on the dev server too (the build places it in dist/ itself), so the
 * page's Export report works under `npm start`, which builds the template first.
 */
function devReportTemplate(): Plugin {
  return {
    name: 'srd-dev-report-template',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/report/report-template.html', (_request, response, next) => {
        if (!existsSync(REPORT_TEMPLATE)) return next();
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.end(readFileSync(REPORT_TEMPLATE));
      });
    },
  };
}

// `npm start` serves the app on 5173 and `npm run preview` serves the build on 4173.
export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), devReportTemplate()],
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
