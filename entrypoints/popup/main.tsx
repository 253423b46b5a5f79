import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import './style.css';

// <title> holds __MSG_extName__ for the manifest (see index.html).
document.title = browser.i18n.getMessage('extName');
render(<App />, document.getElementById('app')!);
