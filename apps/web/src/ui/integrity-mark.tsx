import { useId } from 'react';
import type { IntegrityReviewMark } from '../api/api-types.js';

const TITLE = 'Integrity review suggested';

/**
 * The "integrity review suggested" mark with its reasons: something for a person to look at before
 * trusting the score, never a verdict. Nothing is shown when no review is suggested.
 *
 * `compact` (the board's rows) folds the reasons under a disclosure; the review room shows them open.
 */
export function IntegrityMark({ mark, compact = false }: { mark: IntegrityReviewMark | undefined; compact?: boolean }) {
  const headingId = useId();
  if (!mark?.suggested) return null;
  const reasons = (
    <ul className="integrity-reasons">
      {mark.reasons.map((reason, index) => (
        <li key={index}>{reason}</li>
      ))}
    </ul>
  );
  if (compact) {
    return (
      <details className="integrity-mark integrity-mark-compact">
        <summary>
          <span className="badge badge-integrity">{TITLE}</span>
          <span className="visually-hidden">: {mark.reasons.length} reasons</span>
        </summary>
        {reasons}
      </details>
    );
  }
  return (
    <section className="integrity-mark notice notice-warning" aria-labelledby={headingId}>
      <h2 id={headingId} className="integrity-mark-title">
        {TITLE}
      </h2>
      <p className="small">
        Look at these before trusting the score; they are reasons to look, not evidence of cheating.
      </p>
      {reasons}
    </section>
  );
}
