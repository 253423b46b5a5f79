/**
 * The Firefox add-on is built from the same source (`wxt build -b firefox` → .output/firefox-mv2) and
 * passes Mozilla's linter (`web-ext lint`) with no error: part of `npm test`, so CI runs it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, '.output', 'firefox-mv2');

function run(script: string, args: string[]) {
  // GOUJI_E2E unset: the shipped variant, never the test one with host permissions.
  const env = { ...process.env };
  delete env.GOUJI_E2E;
  return spawnSync(process.execPath, [join(ROOT, 'node_modules', script), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 280_000 });
}

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('Firefox add-on', () => {
  it('builds as MV2 with a gecko id and a minimum version, and web-ext lint finds no error', { timeout: 300_000 }, () => {
    const build = run('wxt/bin/wxt.mjs', ['build', '-b', 'firefox']);
    expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);

    const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('115.0');
    expect(manifest.browser_action.default_popup).toBe('popup.html');
    // The popup's command has its MV2 name; MV3's would be rejected.
    expect(Object.keys(manifest.commands)).toEqual(['_execute_browser_action', 'run-audit']);
    expect(manifest.background.scripts).toEqual(['background.js']);
    // 审核附件's origins, asked for one at a time: MV2 lists them among optional_permissions.
    expect(manifest.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.optional_host_permissions).toBeUndefined();
    // 审核附件's framed button: MV2's plain list (moz-extension:// addresses are already per install).
    expect(manifest.web_accessible_resources).toEqual(['attachment.html']);

    const lint = run('web-ext/bin/web-ext.js', ['lint', '--source-dir', OUT, '--output', 'json', '--no-input']);
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as { summary: { errors: number }; errors: LintMessage[] };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(lint.status).toBe(0);
  });
});
