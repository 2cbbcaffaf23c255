/**
 * Jest global setup for the weapp page tests: makes sure dist/weapp is a fresh mock-data build.
 * Builds (`npx taro build --type weapp`, TARO_APP_DATA_SOURCE unset → mock) only when
 * dist/weapp/app.js is missing, older than any file under src/ or mock/data/, or was built with
 * the remote data source. Prints what it decided and why.
 */
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(ROOT, 'dist', 'weapp')
const APP_JS = path.join(DIST, 'app.js')

/** Newest file (path and mtime) under the given directories. */
function newest(dirs) {
  let best = { file: null, mtime: 0 }
  const walk = (dir) => {
    let entries
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) {
        const m = fs.statSync(p).mtimeMs
        if (m > best.mtime) best = { file: p, mtime: m }
      }
    }
  }
  dirs.forEach(walk)
  return best
}

/** Whether the build carries the in-process mock source (its storage prefix is only in mock-source.ts). */
function isMockBuild() {
  const files = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'))
  return files.some((f) => fs.readFileSync(path.join(DIST, f), 'utf8').includes('rcc:mock:'))
}

function reasonToBuild() {
  if (!fs.existsSync(APP_JS)) return 'dist/weapp/app.js is missing'
  const built = fs.statSync(APP_JS).mtimeMs
  const src = newest([path.join(ROOT, 'src'), path.join(ROOT, 'mock', 'data')])
  if (src.mtime > built) return `${path.relative(ROOT, src.file)} is newer than dist/weapp/app.js`
  if (!isMockBuild()) return 'dist/weapp was built with the remote data source'
  return null
}

module.exports = async function globalSetup() {
  const reason = reasonToBuild()
  if (!reason) {
    console.log('\n[weapp tests] dist/weapp is up to date with src/ and mock/data: using it as built.')
    return
  }
  console.log(`\n[weapp tests] building dist/weapp (${reason}): npx taro build --type weapp …`)
  const env = { ...process.env, NODE_ENV: 'production' }
  delete env.TARO_APP_DATA_SOURCE
  const t0 = Date.now()
  const res = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const secs = ((Date.now() - t0) / 1000).toFixed(1)
  if (res.status !== 0 || !fs.existsSync(APP_JS)) {
    const out = `${res.stdout || ''}\n${res.stderr || ''}`.split('\n').slice(-60).join('\n')
    throw new Error(`[weapp tests] weapp build failed after ${secs} s (exit ${res.status}):\n${out}`)
  }
  console.log(`[weapp tests] dist/weapp built in ${secs} s.`)
}
