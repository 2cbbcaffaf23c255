/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID: string
    /** Which data source the build uses: `mock` (embedded data, offline) or `remote` (HTTP API). */
    TARO_APP_DATA_SOURCE?: 'mock' | 'remote'
    /** Base URL of the HTTP API in remote mode, e.g. `https://api.example.cn` (no trailing slash). */
    TARO_APP_API_BASE?: string
  }
}
