import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

// Modules only the console uses; their chunks go to assets/console/ so a test can check that a
// participant's phone never downloads them.
const CONSOLE_ONLY = /\/web\/(pages\/admin\/|api\/(admin|judging|questions)\.ts)|\/questions\/topics\.ts/

// The web app builds to dist/web, which api/server.ts serves next to /api. Chrome 80: in-app browsers (Zalo, Facebook).
export default defineConfig({
  root: 'web',
  plugins: [solid()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'chrome80',
    cssTarget: 'chrome80',
    rollupOptions: {
      output: {
        chunkFileNames: (chunk) => {
          const real = chunk.moduleIds.filter((id) => !id.startsWith('\0') && !id.startsWith('rolldown:'))
          return real.length && real.every((id) => CONSOLE_ONLY.test(id.replace(/\\/g, '/'))) ? 'assets/console/[name]-[hash].js' : 'assets/[name]-[hash].js'
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
})
