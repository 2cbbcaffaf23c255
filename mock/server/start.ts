/**
 * CLI of the mock server. `npm run mock` → `tsx mock/server/start.ts` (API only);
 * `npm start` → `tsx mock/server/start.ts --static dist/h5` (API plus the built H5 app at `/`).
 *
 * Options: `--port N` (else the `PORT` environment variable, else 10086; 0 picks a free port),
 * `--static DIR`, `--build` (first build the H5 app quietly with `taro build --type h5`: one line
 * while it runs, the build's own output only when it fails). Listens on 127.0.0.1 only. Stops
 * cleanly on SIGINT / SIGTERM.
 * Exit codes: 0 after a clean stop, 1 on a bad option, a missing `DIR/index.html`, a missing
 * dataset or a port already in use.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { buildServer } from './app'

/** The loopback address the server binds to (never a public interface). */
export const HOST = '127.0.0.1'
/** Port used when neither `--port` nor `PORT` is given. */
export const DEFAULT_PORT = 10086

/** Parsed command line. */
export interface CliOptions {
  /** TCP port, 0–65535 (0 = any free port). */
  port: number
  /** Absolute path of the directory to serve at `/`, if any. */
  staticDir?: string
  /** Build the H5 app first (`--build`). */
  build?: boolean
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

/**
 * Parses `--port N` / `--port=N` and `--static DIR` / `--static=DIR`.
 * @param argv arguments after the script name
 * @param env environment (for `PORT`)
 * @throws Error (Chinese + English message) on an unknown option or a bad port.
 */
export function parseArgs(argv: string[], env: Readonly<Record<string, string | undefined>> = process.env): CliOptions {
  let portText: string | undefined = env.PORT || undefined
  let staticDir: string | undefined
  let build = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => {
      const val = inline ?? argv[++i]
      if (val === undefined || val === '') throw new Error(`参数 ${flag} 缺少取值 (missing value for ${flag})`)
      return val
    }
    if (flag === '--port') portText = value()
    else if (flag === '--static') staticDir = path.resolve(value())
    else if (flag === '--build' && inline === undefined) build = true
    else throw new Error(`未知参数 ${arg}；可用：--port N、--static DIR、--build (unknown option ${arg})`)
  }
  const port = portText === undefined ? DEFAULT_PORT : Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效：${portText}，应为 0–65535 的整数 (invalid port)`)
  return build ? { port, staticDir, build } : { port, staticDir }
}

/**
 * Builds the H5 app (`taro build --type h5`) with its output kept back: one line while it runs,
 * the time it took when done, and the last lines of its output only when it fails.
 * @returns true when the build succeeded
 */
export function buildH5Quietly(): Promise<boolean> {
  console.log('正在构建 H5 应用，约需 1 分钟… (building the H5 app)')
  const t0 = Date.now()
  return new Promise((resolve) => {
    const child = spawn('npx', ['taro', 'build', '--type', 'h5'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } })
    const lines: string[] = []
    const keep = (chunk: Buffer) => {
      lines.push(...chunk.toString('utf8').split('\n'))
      if (lines.length > 400) lines.splice(0, lines.length - 400)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('close', (code) => {
      const secs = Math.round((Date.now() - t0) / 1000)
      if (code === 0) {
        console.log(`构建完成，用时 ${secs} 秒 (built in ${secs} s)`)
        resolve(true)
        return
      }
      console.error(lines.slice(-60).join('\n'))
      console.error(`错误：H5 构建失败（退出码 ${code}），上面是构建输出的最后部分。\nError: the H5 build failed (exit ${code}); the end of its output is above.`)
      resolve(false)
    })
  })
}

/**
 * Checks that `dir` holds a built H5 app.
 * @returns null when `dir/index.html` exists, else the message to print (Chinese, then English)
 */
export function checkStaticDir(dir: string): string | null {
  const index = path.join(dir, 'index.html')
  if (existsSync(index)) return null
  return (
    `错误：找不到 ${index}，H5 应用尚未构建。请先运行 npm run build:h5（npm start 会自动构建）。\n` +
    `Error: ${index} not found. Run \`npm run build:h5\` first.`
  )
}

async function main(): Promise<void> {
  let options: CliOptions
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (err) {
    fail(`错误：${(err as Error).message}`)
  }
  if (options.build && !(await buildH5Quietly())) process.exit(1)
  if (options.staticDir) {
    const problem = checkStaticDir(options.staticDir)
    if (problem) fail(problem)
  }

  let app: ReturnType<typeof buildServer>
  try {
    app = buildServer({ staticDir: options.staticDir, logger: true })
  } catch (err) {
    fail(`错误：模拟服务器无法启动 (mock server failed to start)：${(err as Error).message}`)
  }

  try {
    await app.listen({ host: HOST, port: options.port })
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'EADDRINUSE') {
      fail(`错误：端口 ${options.port} 已被占用。请关闭占用它的程序，或用 --port 指定其他端口。\nError: port ${options.port} is already in use; pass --port N.`)
    }
    fail(`错误：无法监听 ${HOST}:${options.port} (cannot listen)：${(err as Error).message}`)
  }

  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const base = `http://${HOST}:${port}`
  if (options.staticDir) console.log(`红色文化云学堂已启动 (app running): ${base}/`)
  else console.log(`红色文化云学堂模拟接口已启动 (mock API running)`)
  console.log(`API: ${base}/api/v1`)
  console.log('按 Ctrl+C 停止 (press Ctrl+C to stop)')

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) {
      process.exit(1)
    }
    stopping = true
    console.log(`收到 ${signal}，正在停止… (shutting down)`)
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`停止时出错 (error while closing)：${String(err)}`)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

if (require.main === module) {
  void main()
}
