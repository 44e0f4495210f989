import { build } from 'vite'

// The server serves the web app from dist/web: build it once before the browser tests start.
export default async function setup() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' })
}
