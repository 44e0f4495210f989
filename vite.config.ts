import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

// Modules only the console uses; their chunks go to assets/console/ so a test can check that a
// participant's phone never downloads them.
const CONSOLE_ONLY = /\/web\/(pages\/admin\/|api\/(admin|judging|questions)\.ts)|\/questions\/topics\.ts/

// `vite build --mode server`: the API server as plain JavaScript for `npm start` (no TypeScript loader at run
// time: less memory and a faster start). Entries are the server and the two worker modules, every chunk in
// one folder, so `new URL('./parse-worker.js', import.meta.url)` finds its worker beside it; packages stay in
// node_modules (better-sqlite3 is native).
const serverBuild = defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        server: 'api/server.ts',
        'ranking-worker': 'api/services/ranking-worker.ts',
        'parse-worker': 'api/formats/parse-worker.ts',
        'pdf-worker': 'api/pdf/pdf-worker.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
})

// The web app builds to dist/web, which api/server.ts serves next to /api. Chrome 80: in-app browsers (Zalo, Facebook).
export default defineConfig(({ mode }) => mode === 'server' ? serverBuild : {
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
