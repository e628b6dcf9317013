/**
 * Builds the game once and serves the static site with `vite preview` for the browser tests, the
 * same files `npm run build` ships.
 */
import type { AddressInfo } from 'node:net';
import { build, type PreviewServer, preview } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', open: false } });
  const address = server.httpServer.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
