import { defineConfig } from 'vite';
import { inkStories } from './src/authoring/vite-plugin-ink.ts';

export default defineConfig({
  // Relative base: `npm run build` gives a static site that works from any folder or sub-path.
  base: './',
  plugins: [inkStories()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    // Phaser's loader base64-decodes data: URLs, and Vite inlines small SVGs URL-encoded: keep them files.
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
    rollupOptions: {
      output: {
        // Phaser in its own long-cached chunk, as in Phaser's official template.
        manualChunks: (id) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
});
