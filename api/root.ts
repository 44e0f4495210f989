import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { existsSync, readFileSync } from 'node:fs'
import type { createApp } from './app'

const FALLBACK = '<!doctype html><meta charset="utf-8"><title>hoithi</title><p>Chưa build giao diện web (npm run build). API: <a href="/api/health">/api/health</a>, <a href="/api/contests">/api/contests</a></p>'

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
  return new Hono()
    // JSON is never rendered as a page: API responses carry only what applies to them, pages the full set.
    .use('*', async (c, next) => {
      if (!c.req.path.startsWith('/api/')) return pageHeaders(c, next)
      await next()
      c.res.headers.set('X-Content-Type-Options', 'nosniff')
      c.res.headers.set('Cache-Control', 'no-store')
    })
    .route('/api', api)
    // A sub-app's notFound is not consulted by its parent: unmatched /api paths must not fall through to index.html.
    .all('/api/*', (c) => c.json({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy đường dẫn API này.' }, serverTime: new Date().toISOString() }, 404))
    .use('/*', serveStatic({ root: webRoot }))
    .get('*', (c) => c.html(indexHtml))
}
