import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Build configuration shared by the weapp and H5 targets.
 *
 * Data source selection happens at build time: `TARO_APP_DATA_SOURCE=mock|remote` (default `mock`)
 * and `TARO_APP_API_BASE` (default `http://127.0.0.1:10086`, the mock server started by `npm run mock`).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const dataSource = process.env.TARO_APP_DATA_SOURCE === 'remote' ? 'remote' : 'mock'
  const apiBase = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:10086'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'red-culture-cloud-classroom',
    date: '2026-11-30',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT lets a second build (e.g. remote data) sit beside the default one.
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@mock': path.resolve(__dirname, '..', 'mock')
    },
    defineConstants: {
      'process.env.TARO_APP_DATA_SOURCE': JSON.stringify(dataSource),
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase)
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: process.env.TARO_CACHE === '1' },
    // Chinese text stays UTF-8 in the minified JS (Taro's weapp default escapes it as \uXXXX: ~50 KB more).
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      // Shared styles are imported by main-package and subpackage components alike; their order
      // does not matter (each file scopes its own class names).
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Images (the tab icons) as files, never inlined as base64 into the JS: inlined, all 8 tab
      // icons (~9 KB gzip) sat in the first-load JS; as files only the 5 shown ones are fetched.
      imageUrlLoaderOption: { limit: 1 },
      router: { mode: 'hash' },
      // `npm run dev:h5` serves here; 10086 is left to the mock API (`npm run mock`).
      devServer: { host: '127.0.0.1', port: 10087 },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      webpackChain(chain) {
        if (process.env.NODE_ENV === 'production') {
          // The service worker (src/shared/service-worker.ts registers it): precaches every file of
          // the build, so every page opens offline once the app has loaded; a new build replaces it.
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const { GenerateSW } = require('workbox-webpack-plugin') as typeof import('workbox-webpack-plugin')
          chain.plugin('service-worker').use(GenerateSW, [
            {
              swDest: 'sw.js',
              inlineWorkboxRuntime: true,
              sourcemap: false,
              cleanupOutdatedCaches: true,
              // The whole app, not the default 2 MiB per file (GoogleChrome/workbox#2790).
              maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
              exclude: [/\.map$/, /LICENSE/],
              // Hash router: every address is index.html plus a #fragment.
              navigateFallback: '/index.html'
            }
          ])
        }
        // Taro splits each lazily loaded page into its own chunk and would copy the data layer
        // (stores, services, the embedded data, the component wrappers) into every one of them.
        // Shared modules go instead to a few async chunks, split by which pages use them, so that
        // 首页 loads only what it uses itself (see `chunkUse` below):
        // - quiz-shared: the quiz's code and question bank (quiz pages only);
        // - heritage-detail: what only the heritage site/route pages use (detail store and source,
        //   the full dataset, detail components, the report form);
        // - app-shared: shared modules that 首页 uses (its first load);
        // - tabs-shared: shared modules the other tab pages use, but not 首页;
        // - pages-shared: the rest shared by subpackage pages (detail shell, dialogs, …).
        const SHARED = /[\\/](src[\\/](services|features|shared)|mock[\\/]data|node_modules)[\\/]/
        type ChunkLike = { name?: string | null }
        type ModuleLike = { resource?: string }
        type ChunkGraphLike = { getModuleChunksIterable(m: unknown): Iterable<ChunkLike>; getChunkModulesIterable(c: unknown): Iterable<ModuleLike> }
        type Kind = 'home' | 'tab' | 'heritage' | 'other'
        const kinds = new WeakMap<object, Kind>()
        /** What a chunk is: a page chunk by the page module it holds (`heritage-prefetch`: the H5 prefetch's chunk). */
        const chunkKind = (chunk: ChunkLike, graph: ChunkGraphLike): Kind => {
          let kind = kinds.get(chunk)
          if (kind) return kind
          kind = chunk.name === 'heritage-prefetch' ? 'heritage' : 'other'
          for (const m of graph.getChunkModulesIterable(chunk)) {
            const r = m.resource ?? ''
            if (/[\\/]src[\\/]pages[\\/]home[\\/]index\.tsx$/.test(r)) kind = 'home'
            else if (/[\\/]src[\\/]pages[\\/][^\\/]+[\\/]index\.tsx$/.test(r)) kind = 'tab'
            else if (/[\\/]src[\\/]packages[\\/]heritage[\\/][^\\/]+[\\/]index\.tsx$/.test(r)) kind = 'heritage'
            if (kind !== 'other') break
          }
          kinds.set(chunk, kind)
          return kind
        }
        /** The kinds of chunk a module is used by. */
        const chunkUse = (module: ModuleLike, graph: ChunkGraphLike): Set<Kind> => {
          const out = new Set<Kind>()
          for (const c of graph.getModuleChunksIterable(module)) out.add(chunkKind(c, graph))
          return out
        }
        type TestContext = { chunkGraph: ChunkGraphLike }
        const shared = (module: ModuleLike) => !!module.resource && SHARED.test(module.resource)
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              // The quiz's code and question bank, shared by the quiz pages only: loaded when a
              // quiz page opens, never on the first screen.
              quizShared: {
                name: 'quiz-shared',
                chunks: 'async',
                minChunks: 1,
                priority: 30,
                enforce: true,
                test: (module: ModuleLike) =>
                  !!module.resource && /[\\/](src[\\/](features|services)[\\/]quiz[\\/]|mock[\\/]data[\\/]questions\.json)/.test(module.resource)
              },
              heritageDetail: {
                name: 'heritage-detail',
                chunks: 'async',
                minChunks: 1,
                priority: 25,
                enforce: true,
                test: (module: ModuleLike, { chunkGraph }: TestContext) => {
                  if (!shared(module)) return false
                  const use = chunkUse(module, chunkGraph)
                  return use.size === 1 && use.has('heritage')
                }
              },
              appShared: {
                name: 'app-shared',
                chunks: 'async',
                minChunks: 2,
                priority: 20,
                enforce: true,
                test: (module: ModuleLike, { chunkGraph }: TestContext) => shared(module) && chunkUse(module, chunkGraph).has('home')
              },
              tabsShared: {
                name: 'tabs-shared',
                chunks: 'async',
                minChunks: 2,
                priority: 18,
                enforce: true,
                test: (module: ModuleLike, { chunkGraph }: TestContext) => shared(module) && chunkUse(module, chunkGraph).has('tab')
              },
              pagesShared: {
                name: 'pages-shared',
                chunks: 'async',
                minChunks: 2,
                priority: 15,
                enforce: true,
                test: shared
              }
            }
          }
        })
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
