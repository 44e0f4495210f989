import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

// The web app builds to dist/web, which api/server.ts serves next to /api.
export default defineConfig({
  root: 'web',
  plugins: [solid()],
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'chrome80' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
})
