/**
 * E2E helpers: load the unpacked extension into Debian's Chromium with
 * playwright-core, and serve fixture pages from localhost.
 *
 * Extensions only load in a persistent context, and only in unbranded Chromium
 * (branded Chrome >= 137 ignores --load-extension). Playwright's own headless
 * switch would pick the old headless shell, which has no extension support, so
 * we launch "headed" and pass --headless=new ourselves.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CHROMIUM = process.env.GOUJI_CHROMIUM ?? '/usr/bin/chromium';
/** The GOUJI_E2E=1 build (test-only localhost host permissions), see wxt.config.ts. */
export const E2E_EXTENSION_DIR = join(ROOT, '.output', 'e2e', 'chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'test', 'e2e', 'fixtures');

/**
 * Throws a readable error instead of letting Chromium start without the
 * extension, which otherwise surfaces as an unexplained service-worker timeout.
 */
export function assertExtensionBuilt(dir: string = E2E_EXTENSION_DIR): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${dir}.\n` +
        'Build the test variant with `npm run build:e2e` (GOUJI_E2E=1 wxt build), ' +
        'or run through `npx vitest run --project e2e`, whose global setup builds it.',
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Run \`bash scripts/ensure-chromium.sh\`.`);
  }
  return dir;
}

export interface ExtensionSession {
  context: BrowserContext;
  /** The MV3 service worker (background.js); `evaluate` runs with `chrome.*`. */
  serviceWorker: Worker;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra Chromium switches, e.g. `--host-resolver-rules=MAP gouji.test 127.0.0.1`. */
  args?: string[];
  /** Window size (default 1280x900): fixes the viewport, so layout assertions are reproducible. */
  viewport?: { width: number; height: number };
  /**
   * Chromium's UI language (default Chinese, what Gouji's users run). The extension follows it through
   * chrome.i18n; Debian's Chromium has only its English UI without the `chromium-l10n` package, which
   * scripts/ensure-chromium.sh installs.
   */
  uiLanguage?: UiLanguage;
}

export type UiLanguage = 'zh-CN' | 'en-US';

/** Switches and environment for a UI language: on Linux Chromium reads LANGUAGE, --lang alone is not enough. */
export function languageSettings(lang: UiLanguage): { env: Record<string, string>; args: string[] } {
  const posix = lang.replace('-', '_');
  return { env: { LANGUAGE: posix, LANG: `${posix}.UTF-8` }, args: [`--lang=${lang}`] };
}

export async function launchWithExtension(
  extensionDir: string = E2E_EXTENSION_DIR,
  options: LaunchOptions = {},
): Promise<ExtensionSession> {
  const dir = assertExtensionBuilt(extensionDir);
  const language = languageSettings(options.uiLanguage ?? 'zh-CN');
  // A fresh profile per launch: no state leaks between test files.
  const userDataDir = mkdtempSync(join(tmpdir(), 'gouji-e2e-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      headless: false,
      executablePath: CHROMIUM,
      // Pin the UI locale so chrome.i18n picks the catalogue deterministically.
      env: { ...process.env, ...language.env },
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        ...language.args,
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        ...(options.args ?? []),
      ],
      viewport: options.viewport ?? { width: 1280, height: 900 },
    });
    // Generous waits: on a busy 2-core machine a 20 MB page can take longer than Playwright's 30 s default
    // to load. Each test's own timeout (120 s, vitest.config.ts) still bounds a real hang.
    context.setDefaultTimeout(90_000);
    context.setDefaultNavigationTimeout(100_000);
    const serviceWorker = await findServiceWorker(context);
    // chrome-extension://<id>/background.js
    const extensionId = new URL(serviceWorker.url()).host;
    const ctx = context;
    return {
      context: ctx,
      serviceWorker,
      extensionId,
      extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      async close() {
        await ctx.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

async function findServiceWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isExtension);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 60_000 });
  } catch {
    throw new Error(
      'The extension service worker never started. Chromium probably refused the extension: ' +
        'check the manifest (e.g. a missing __MSG_ key or icon) by loading it in a headed browser.',
    );
  }
}

const CONTENT_TYPES: Record<string, string> = {
  // No charset for HTML: an HTTP charset would override the page's own
  // <meta charset>, and GBK fixtures must be decoded the way real sites are.
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  // A PDF as servers send it: Chromium shows it in its viewer (octet-stream would be downloaded).
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  /** URL prefix ('/pages/') → folder served under it. */
  mounts?: Record<string, string>;
  /** Exact path → generated body (computed on each request; cache it in the closure if expensive). */
  routes?: Record<string, () => string | Buffer>;
}

export interface FixtureServer {
  port: number;
  /** e.g. http://127.0.0.1:38123 */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Static server for a fixture folder on 127.0.0.1 and a random free port
 * (the e2e build's host permission `http://127.0.0.1/*` matches any port).
 * Files are served byte for byte; HTML pages declare their own encoding.
 */
export async function serveFixtures(root: string = FIXTURES_DIR, options: ServeOptions = {}): Promise<FixtureServer> {
  const base = resolve(root);
  const server: Server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const route = options.routes?.[pathname];
      if (route) {
        const body = route();
        res.writeHead(200, { 'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'text/html', 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
      const mount = Object.entries(options.mounts ?? {}).find(([prefix]) => pathname.startsWith(prefix));
      const dir = mount ? resolve(mount[1]) : base;
      const rest = mount ? pathname.slice(mount[0].length - 1) : pathname;
      let file = normalize(join(dir, rest));
      if (file !== dir && !file.startsWith(dir + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}
