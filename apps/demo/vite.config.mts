import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions } from 'vite';

const page = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** COOP + COEP make the page cross-origin isolated, so onnxruntime-web can run several wasm threads. */
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

// In development the server's routes are proxied to a running `seg` server (SEG_API, default 127.0.0.1:8080).
const api = process.env.SEG_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // relative asset URLs: the build works from any folder the server mounts it at
  base: './',
  resolve: {
    // onnxruntime-web's wasm runtime is not inlined; it is served from public/ort/ (scripts/prepare-public.ts)
    conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions],
  },
  server: { headers: isolation, proxy: { '/interactive': api, '/weak': api, '/jobs': api } },
  preview: { headers: isolation },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // two pages: method 5's interactive segmentation and method 1's area-ratio model
    rolldownOptions: { input: { main: page('./index.html'), weak: page('./weak.html') } },
  },
  worker: { format: 'es' },
});
