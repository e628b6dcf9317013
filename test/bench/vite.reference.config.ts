import { defineConfig } from 'vite';

/** Builds the bare Phaser reference page with the same settings as the game. */
export default defineConfig({
  root: 'test/bench/reference',
  base: './',
  logLevel: 'warn',
  build: {
    outDir: '../../../dist-reference',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: { manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined) },
    },
  },
});
