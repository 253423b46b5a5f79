/**
 * The side-by-side page of the extension: two reports of the local history compared (lib/compare), the
 * pair from the panel's link or picked from the history. The comparison page is lib's self-contained
 * HTML, shown in a sandboxed frame (no script runs in it).
 */
import { browser } from 'wxt/browser';
import { comparisonHtml } from '../../lib/compare/html';
import { compareEntries, type HistoryEntry } from '../../lib/compare/history';
import { clearHistory, readHistory } from '../background/history';

const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as (key: string) => string;
const lang: 'zh' | 'en' = getMessage('ui_lang') === 'en' ? 'en' : 'zh';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function label(e: HistoryEntry): string {
  return `${e.agency ?? '?'} · ${e.year ?? '?'} · ${e.source}`;
}

function fill(select: HTMLSelectElement, history: HistoryEntry[], chosen: string | null): void {
  select.replaceChildren(...history.map((e) => new Option(label(e), e.source, false, e.source === chosen)));
}

async function show(): Promise<void> {
  const history = await readHistory();
  const empty = $<HTMLParagraphElement>('empty');
  const view = $<HTMLIFrameElement>('view');
  const oldSelect = $<HTMLSelectElement>('old');
  const newSelect = $<HTMLSelectElement>('new');
  if (history.length < 2) {
    empty.hidden = false;
    empty.textContent = getMessage('ui_history_tooFew');
    view.srcdoc = '';
    oldSelect.replaceChildren();
    newSelect.replaceChildren();
    return;
  }
  empty.hidden = true;
  const query = new URLSearchParams(location.search);
  fill(oldSelect, history, oldSelect.value || query.get('old') || history[1]!.source);
  fill(newSelect, history, newSelect.value || query.get('new') || history[0]!.source);
  const a = history.find((e) => e.source === oldSelect.value)!;
  const b = history.find((e) => e.source === newSelect.value)!;
  view.srcdoc = comparisonHtml(compareEntries(a, b, lang), lang);
}

document.title = getMessage('ui_compare_title');
$('old-label').textContent = getMessage('ui_history_old');
$('new-label').textContent = getMessage('ui_history_new');
$('clear').textContent = getMessage('ui_history_clear');
$('old').addEventListener('change', () => void show());
$('new').addEventListener('change', () => void show());
$('clear').addEventListener('click', async () => {
  await clearHistory();
  await show();
});
void show();
