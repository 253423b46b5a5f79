/**
 * The ratios reviewers grade by: 公开率 = (予以公开 + 部分公开) / (七)总计 in the 总计 column, and 纠错率 =
 * 结果纠正 / 总计 for 行政复议 and each 行政诉讼 group. null where the denominator is 0 or unread.
 */
import type { Report } from '../model/schema';

export interface ReportRatios {
  disclosure: number | null;
  reviewCorrection: number | null;
  suitDirectCorrection: number | null;
  suitAfterReviewCorrection: number | null;
}

const num = (r: Report, id: string): number | null => {
  const c = r.cells[id];
  return c ? (c.value ?? c.implied ?? null) : null;
};

function ratio(numerator: (number | null)[], denominator: number | null): number | null {
  if (denominator === null || denominator === 0 || numerator.some((n) => n === null)) return null;
  const sum = (numerator as number[]).reduce((a, b) => a + b, 0);
  return Math.round((sum / denominator) * 10000) / 10000;
}

export function reportRatios(r: Report): ReportRatios {
  const t = (row: string) => num(r, `applications/${row}/total`);
  const a = (id: string) => num(r, `appeals/counts/${id}`);
  return {
    disclosure: ratio([t('result.disclosed'), t('result.partial')], t('result.total')),
    reviewCorrection: ratio([a('review.corrected')], a('review.total')),
    suitDirectCorrection: ratio([a('suit_direct.corrected')], a('suit_direct.total')),
    suitAfterReviewCorrection: ratio([a('suit_after_review.corrected')], a('suit_after_review.total')),
  };
}
