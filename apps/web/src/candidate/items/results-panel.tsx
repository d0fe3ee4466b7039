import { useState } from 'react';
import { scoreLabel } from '../../ui/format.js';
import { type SubmissionProgress, tally } from '../submission-progress.js';
import { TestList } from '../../ui/test-list.js';
import { VerdictBadge } from '../../ui/verdict-badge.js';

/** The latest sample run and the latest submission of an item, test by test as results arrive. */
export function ResultsPanel({ run, final }: { run: SubmissionProgress | null; final: SubmissionProgress | null }) {
  const [shown, setShown] = useState<'run' | 'final'>('run');
  const latest = shown === 'final' ? final : run;
  // Follow what the candidate just did.
  const [lastSeen, setLastSeen] = useState<{ run: number; final: number }>({ run: 0, final: 0 });
  if (run && run.startedAt !== lastSeen.run) {
    setLastSeen((seen) => ({ ...seen, run: run.startedAt }));
    setShown('run');
  }
  if (final && final.startedAt !== lastSeen.final) {
    setLastSeen((seen) => ({ ...seen, final: final.startedAt }));
    setShown('final');
  }

  return (
    <section className="results-panel" aria-label="Test results">
      <div className="results-tabs" role="group" aria-label="Show results of">
        <button type="button" className="tab" aria-pressed={shown === 'run'} onClick={() => setShown('run')}>
          Sample run
        </button>
        <button type="button" className="tab" aria-pressed={shown === 'final'} onClick={() => setShown('final')}>
          Submission
        </button>
      </div>
      <div className="results-body" aria-live="polite">
        {latest ? (
          <ProgressView progress={latest} />
        ) : (
          <p className="muted">
            {shown === 'run'
              ? 'Run the sample tests to see how your code does. Runs are not scored.'
              : 'Submit when you are ready: every test runs, hidden ones included, and your last submission counts.'}
          </p>
        )}
      </div>
    </section>
  );
}

function ProgressView({ progress }: { progress: SubmissionProgress }) {
  const counts = tally(progress.tests);
  return (
    <div>
      <p className="results-summary">
        {progress.phase === 'sending' ? <span className="muted">Sending…</span> : null}
        {progress.phase === 'queued' ? <span className="muted">Waiting for a judge…</span> : null}
        {progress.phase === 'running' ? (
          <span className="muted">Running tests… {counts.total > 0 ? `${counts.total} done` : ''}</span>
        ) : null}
        {progress.phase === 'finished' ? (
          <>
            {progress.verdict ? <VerdictBadge verdict={progress.verdict} /> : null}
            <span>
              {counts.passed} of {counts.total} test{counts.total === 1 ? '' : 's'} passed
            </span>
            {progress.kind === 'final' && progress.score !== null ? (
              <span>Score {scoreLabel(progress.score)}</span>
            ) : null}
          </>
        ) : null}
        {progress.phase === 'failed' ? (
          <span className="field-error" role="alert">
            {progress.message}
          </span>
        ) : null}
      </p>
      {progress.message && progress.phase !== 'failed' ? <p className="muted small">{progress.message}</p> : null}
      {progress.tests.length > 0 ? <TestList tests={progress.tests} /> : null}
    </div>
  );
}
