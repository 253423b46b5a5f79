import { defineConfig, type WxtViteConfig } from 'wxt';
import preact from '@preact/preset-vite';

// WXT 0.21 bundles its own Vite 7, while @preact/preset-vite is typed against
// the top-level Vite 8 that vitest uses. The plugin runs fine under both; only
// the two Vite's Plugin types are not assignable, hence the cast.
type VitePluginOption = NonNullable<WxtViteConfig['plugins']>[number];

// GOUJI_E2E=1 builds a test-only variant: Playwright cannot click the toolbar
// icon, so `activeTab` is never granted in tests. The variant adds host
// permissions for the local fixture server and goes to its own outDir so it can
// never be mistaken for (or zipped as) the shipped build.
const e2e = process.env.GOUJI_E2E === '1';
/** What an optional host permission may name; the extension asks for one origin of it at a time. */
const ANY_WEB_ORIGIN = ['http://*/*', 'https://*/*'];

export default defineConfig({
  // No auto-imports: every symbol in entrypoints/ is imported explicitly, so a
  // reader can find it by search and lib/ stays free of WXT magic.
  imports: false,
  // There is no official WXT Preact module; the Vite preset is all it takes.
  vite: () => ({ plugins: [preact() as unknown as VitePluginOption] }),
  ...(e2e ? { outDir: '.output/e2e' } : {}),
  // `wxt` (dev) normally opens a browser with the extension; on a Linux box
  // without a display (CI, containers) that launch fails and kills the dev
  // server, so there we only build and watch — load .output/chrome-mv3-dev by hand.
  webExt: {
    disabled: process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
  },
  // Firefox (`wxt build -b firefox`) gets MV2 from the same source: an add-on id, the first version
  // with storage.session and scripting in MV2 (115 ESR), and the MV2 name of the popup command.
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // activeTab + scripting = inject on click only; no host permissions, so no
    // "read and change all your data" install warning.
    permissions: ['activeTab', 'scripting', 'clipboardWrite', 'storage'],
    // 审核附件 on a report whose file is on another site: that one origin is asked for at the click,
    // never at install. MV2 (Firefox) lists optional origins among optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ANY_WEB_ORIGIN } : { optional_host_permissions: ANY_WEB_ORIGIN }),
    // 审核附件's button is an extension page framed in the page's panel (entrypoints/attachment), so the page
    // must be allowed to load it: that one page, which shows nothing unless its tab's audit offers a file.
    // The dynamic URL changes every session, so pages cannot use it to tell that Gouji is installed (WXT
    // flattens this to MV2's plain list for Firefox, whose moz-extension:// address is already per install).
    web_accessible_resources: [{ resources: ['attachment.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    ...(e2e
      ? { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'http://*.test/*'] }
      : {}),
    commands: {
      // Opens the popup. No suggested key: Chrome silently drops a suggestion
      // that clashes with one already taken, and run-audit is the one that
      // matters; users can bind this at chrome://extensions/shortcuts.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {},
      'run-audit': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_cmdRunAudit__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'gouji@gouji.github.io', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});
