/**
 * Runs once before the e2e project: make sure Chromium is installed and build
 * the test-only extension variant (GOUJI_E2E=1 → .output/e2e/chrome-mv3).
 *
 * Always rebuilds (about a second) so tests never run against a stale bundle;
 * set GOUJI_E2E_SKIP_BUILD=1 to reuse an existing build.
 * The build runs in a child process so GOUJI_E2E=1 never leaks into the test
 * workers' environment.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assertExtensionBuilt, ROOT } from './harness';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `e2e setup: \`${[command, ...args].join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`})\n` +
        `${result.stdout ?? ''}${result.stderr ?? ''}`,
    );
  }
}

export default function setup(): void {
  run('bash', [join(ROOT, 'scripts', 'ensure-chromium.sh')]);
  if (process.env.GOUJI_E2E_SKIP_BUILD !== '1') {
    run(process.execPath, [join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
      ...process.env,
      GOUJI_E2E: '1',
    });
  }
  assertExtensionBuilt();
}
