/** A batch worker thread: audits the sources it is sent (fetches overlap) and posts each result back with its job id. */
import { parentPort } from 'node:worker_threads';
import type { Lang } from '../lib/i18n/messages';
import { auditOne } from './batch';
import type { FetchOptions } from './read-input';

export interface Job {
  id: number;
  source: string;
  lang: Lang;
  fetch: FetchOptions;
}

parentPort!.on('message', (job: Job) => {
  void auditOne(job.source, job.lang, job.fetch).then((result) => parentPort!.postMessage({ id: job.id, result }));
});
