/**
 * Politeness across a batch (cli/host-gate.ts through runBatch): one input at a time per host and the delay
 * between two of one host, while other hosts go on; without it, the batch's concurrency as before.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../cli/batch';
import { HostGate } from '../../cli/host-gate';
import { renderPage } from '../fixtures/render';
import { cleanReport } from '../fixtures/report-data';

const HOLD_MS = 200;
const page = renderPage(cleanReport('2021', { seed: 7, year: 2023, agency: '清河县财政局', published: '2024-01-20' }), {});
let server: Server;
let port = 0;
/** Per request: its host, when it arrived and when it was answered. */
let log: { host: string; start: number; end: number }[] = [];
const open = new Map<string, number>();
let mostPerHost = 0;
let mostOverall = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const host = req.headers.host!.split(':')[0]!;
    const entry = { host, start: performance.now(), end: 0 };
    log.push(entry);
    open.set(host, (open.get(host) ?? 0) + 1);
    mostPerHost = Math.max(mostPerHost, open.get(host)!);
    mostOverall = Math.max(mostOverall, [...open.values()].reduce((a, b) => a + b, 0));
    setTimeout(() => {
      open.set(host, open.get(host)! - 1);
      entry.end = performance.now();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    }, HOLD_MS);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const inputs = () => [1, 2, 3].flatMap((n) => [`http://127.0.0.1:${port}/r/${n}.html`, `http://localhost:${port}/r/${n}.html`]);
async function batch(hostDelayMs?: number): Promise<number[]> {
  log = [];
  mostPerHost = mostOverall = 0;
  const done: number[] = [];
  await runBatch(inputs(), { lang: 'zh', concurrency: 4, fetch: { timeoutMs: 10_000, retries: 0 }, ...(hostDelayMs === undefined ? {} : { hostDelayMs }) }, (result, index) => {
    expect(result.report).not.toBeNull();
    done.push(index);
  });
  return done.sort((a, b) => a - b);
}

describe('one input at a time per host, with a delay', () => {
  it('never two requests to one host at once, the delay between them, other hosts meanwhile', { timeout: 60_000 }, async () => {
    expect(await batch(150)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(mostPerHost).toBe(1);
    expect(mostOverall).toBe(2);
    for (const host of ['127.0.0.1', 'localhost']) {
      const requests = log.filter((r) => r.host === host);
      expect(requests).toHaveLength(3);
      // A timer may fire a millisecond early; the delay is counted from the end of the previous input.
      for (let k = 1; k < requests.length; k++) expect(requests[k]!.start - requests[k - 1]!.end).toBeGreaterThanOrEqual(145);
    }
  });

  it('without it, the batch fetches --concurrency at once, as before', { timeout: 60_000 }, async () => {
    expect(await batch()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(mostPerHost).toBeGreaterThan(1);
  });
});

describe('HostGate on its own', () => {
  it('hands out every input once, in input order within a host, over 20,000 hosts', async () => {
    const sources = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `saved/${i}.html` : `http://h${i % 7_000}.test/r/${i}.html`));
    const gate = new HostGate(sources, 0);
    const seen: number[] = [];
    for (let turn = await gate.next(); turn; turn = await gate.next()) {
      seen.push(turn.index);
      await gate.run(turn.host, async () => {});
    }
    expect(seen).toEqual(sources.map((_, i) => i));
  });

  it('a host asked just before (by the crawl) waits out the delay before its first input', async () => {
    const gate = new HostGate(['http://a.test/1.html'], 200, new Map([['a.test', performance.now()]]));
    const turn = (await gate.next())!;
    const asked = performance.now();
    let started = 0;
    await gate.run(turn.host, async () => void (started = performance.now()));
    expect(started - asked).toBeGreaterThanOrEqual(150);
  });

  it('a job that throws frees its host for the next input', async () => {
    const gate = new HostGate(['http://a.test/1.html', 'http://a.test/2.html'], 0);
    const first = (await gate.next())!;
    const waiting = gate.next();
    await expect(gate.run(first.host, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await waiting)?.index).toBe(1);
  });
});
