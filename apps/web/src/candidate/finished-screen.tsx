import type { CandidateSession } from '../api/api-types.js';
import { statusLabel } from '../ui/format.js';
import { usePageTitle } from '../ui/page-title.js';

/** The confirmation at the end: the answers are in, and what happens next. */
export function FinishedScreen({
  session,
  reason,
}: {
  session: CandidateSession | null;
  reason: 'submitted' | 'time' | 'already';
}) {
  usePageTitle('Assessment finished');
  const heading =
    reason === 'time'
      ? 'Time is up: your answers are in'
      : reason === 'already'
        ? 'This assessment is finished'
        : 'Your answers are in';
  return (
    <main className="centered-page">
      <div className="card finished" role="status" aria-live="polite">
        <div className="finished-mark" aria-hidden="true">
          ✓
        </div>
        <h1>{heading}</h1>
        <p>
          {reason === 'time'
            ? 'The time allowed has passed. Everything you saved before the end has been kept and will be assessed.'
            : reason === 'already'
              ? 'This assessment was already finished, so it cannot be opened again. Your saved work has been kept.'
              : 'Thank you. Your assessment is finished and the hiring team has been told.'}
        </p>
        {session && session.items.length > 0 ? (
          <ul className="finished-items">
            {session.items.map((item) => (
              <li key={item.id}>
                <span>{item.title}</span>
                <span className={`status status-${item.status}`}>{statusLabel(item.status)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="muted">You can close this page. The organisation that invited you will be in touch.</p>
      </div>
    </main>
  );
}
