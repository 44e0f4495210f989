import { fileURLToPath } from 'node:url'
import { build } from 'vite'

// The server serves the web app from dist/web: build it once before the browser tests start.
export default async function setup() {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  await build({ configFile: `${root}vite.config.ts`, root: `${root}web`, logLevel: 'warn' })
}
