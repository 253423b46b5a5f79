#!/usr/bin/env node
/**
 * After `npm ci`: WXT's type stubs and the built CLI, when the dev tools are installed. An
 * `npm ci --omit=dev` install has neither tool and needs neither: its CLI is the committed-to-package
 * dist/ (built by `npm pack`'s prepack), so this step says so and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A package's directory in node_modules (some packages export no package.json to resolve). */
const dir = (name) => new URL(`../node_modules/${name}/`, import.meta.url).pathname;
const has = (name) => existsSync(`${dir(name)}package.json`);
const run = (command, args) => {
  const r = spawnSync(command, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (has('wxt')) run(process.execPath, [`${dir('wxt')}bin/wxt.mjs`, 'prepare']);
if (has('esbuild')) run(process.execPath, [new URL('./build-cli.mjs', import.meta.url).pathname, '--quiet']);
else process.stdout.write('gouji: dev tools not installed; the CLI runs from dist/ as packed.\n');
