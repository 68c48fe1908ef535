import { gzipSync } from 'node:zlib';
import type { BenchClient } from './http';

/**
 * First-load JavaScript of a route as the browser gets it: every script the page's HTML
 * names (the framework, the shared chunks and the route's own), gzip-compressed, in kB.
 */
export async function firstLoadJs(client: BenchClient, path: string): Promise<{ scripts: number; gzipKb: number }> {
  const html = await client.page(path);
  // Scripts marked noModule (polyfills for old browsers) are not loaded by a current browser.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0]));
  const sources = new Set(tags.map((m) => m[1]!.replace(/&amp;/g, '&')));
  let bytes = 0;
  for (const src of sources) {
    const response = await client.request(src);
    bytes += gzipSync(Buffer.from(await response.arrayBuffer())).length;
  }
  return { scripts: sources.size, gzipKb: bytes / 1024 };
}
