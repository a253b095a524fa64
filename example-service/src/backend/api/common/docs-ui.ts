import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';

/** Where the installed `swagger-ui-dist` package keeps its browser files. */
const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The only package files the page loads (the package also ships a demo page, which stays unserved). */
const ASSETS = new Set(['/swagger-ui.css', '/swagger-ui-bundle.js', '/favicon-32x32.png']);

/** The page: no inline script, so helmet's `script-src 'self'` holds; styles come from files too. */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>API docs</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
<noscript>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1)</noscript>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

/** Starts Swagger UI on the service's own document; the base layout has no box to load other URLs. */
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, layout: 'BaseLayout', validatorUrl: 'none' });\n`;

/**
 * The interactive API docs: Swagger UI from the installed `swagger-ui-dist` package (no CDN, no
 * network access beyond this service), rendering `/openapi.json`. Routes: `GET /docs` (the page),
 * `GET /docs/init.js` (its start script), `GET /docs/assets/*` (the package's CSS, bundle, icon;
 * cached for a day). Everything is served under the app's helmet CSP unchanged.
 *
 * @returns an Express router to mount at the app root.
 */
export function docsUiRouter(): Router {
  const router = Router();
  router.get('/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('text/javascript').send(INIT);
  });
  const assets = express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1d', fallthrough: true });
  router.use('/docs/assets', (req, res, next) => (ASSETS.has(req.path) ? assets(req, res, next) : next()));
  return router;
}
