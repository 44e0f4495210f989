import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type ErrorHandler } from 'hono'
import { RegExpRouter } from 'hono/router/reg-exp-router'
import { SmartRouter } from 'hono/router/smart-router'
import { TrieRouter } from 'hono/router/trie-router'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { existsSync, readFileSync } from 'node:fs'
import type { createApp } from './app'
import { CachedRouter } from './lib/cached-router'
import { errorHandler } from './middleware/error-handler'

const FALLBACK = '<!doctype html><meta charset="utf-8"><title>hoithi</title><p>Chưa build giao diện web (npm run build). API: <a href="/api/health">/api/health</a>, <a href="/api/contests">/api/contests</a></p>'

// Hono's own answer to an error on a page (what the root gave before it had an error handler).
const pageError: ErrorHandler = (err, c) => {
  if (err instanceof HTTPException) return err.getResponse()
  console.error(err)
  return c.text('Internal Server Error', 500)
}

// The one port: /api, the built web app, and index.html for the client's own routes.
// The CSP allows only our own scripts, styles and connections; inline style attributes are allowed for Solid.
export function createRoot(api: ReturnType<typeof createApp>['app'], webRoot: string) {
  const indexHtml = existsSync(`${webRoot}/index.html`) ? readFileSync(`${webRoot}/index.html`, 'utf8') : FALLBACK
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"],
    },
    strictTransportSecurity: 'max-age=15552000',
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  })
  // Hono's own choice of router (SmartRouter settles on TrieRouter here), its answers kept per path.
  const root = new Hono({ router: new CachedRouter(new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] })) })
  // The API's handlers are added as they are: route() would wrap each one in a composition of its own to
  // apply the API's onError (hono-base.ts), some ten per request; the root applies the same handler to /api paths.
  // The API sets its own headers (nosniff, no-store: api/app.ts), and answers without calling on, so the
  // page headers registered after it apply only to pages.
  const mounted = root.basePath('/api')
  for (const r of api.routes) mounted.on(r.method, r.path, r.handler)
  root.onError((err, c) => (/^\/api(\/|$)/.test(c.req.path) ? errorHandler(err, c as never) : pageError(err, c)))
  return root
    // A sub-app's notFound is not consulted by its parent: unmatched /api paths must not fall through to index.html.
    .all('/api/*', (c) => c.json({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn API này.' }, serverTime: new Date().toISOString() }, 404))
    .use('*', pageHeaders)
    .use('/*', serveStatic({ root: webRoot }))
    .get('*', (c) => c.html(indexHtml))
}
