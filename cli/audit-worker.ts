/** A batch worker thread: audits the sources it is sent (fetches overlap) and posts each result (and, if asked, the page's text lines) back with its job id. */
import { parentPort } from 'node:worker_threads';
import type { Lang } from '../lib/i18n/messages';
import { auditOne } from './batch';
import type { FetchOptions } from './read-input';

export interface Job {
  id: number;
  source: string;
  lang: Lang;
  fetch: FetchOptions;
  withLines: boolean;
}

parentPort!.on('message', (job: Job) => {
  let lines: string[] | undefined;
  const options = job.withLines ? { onPage: (page: { lines: string[] }) => (lines = page.lines) } : {};
  void auditOne(job.source, job.lang, job.fetch, options).then((result) => parentPort!.postMessage({ id: job.id, result, lines }));
});
