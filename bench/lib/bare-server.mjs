// The ceiling of every benchmark run: node:http answering a small JSON to any request, with nothing else
// (no framework, no database, no logging). Plain JavaScript, so no loader runs with it. PORT from the env.
import { createServer } from 'node:http'

const body = JSON.stringify({ ok: true })
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
createServer((req, res) => {
  req.resume()
  res.writeHead(200, headers)
  res.end(body)
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare server ready'))
