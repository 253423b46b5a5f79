import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { usePageWorker } from './pdfjs-page';
import './style.css';

usePageWorker();
const getMessage = browser.i18n.getMessage.bind(browser.i18n) as unknown as (key: string) => string;
document.title = `${getMessage('extName')} — ${getMessage('ui_auditFile_title')}`;
render(<App />, document.getElementById('app')!);
