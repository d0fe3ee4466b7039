import { useState } from 'react';
import { COMPETENCIES, type SessionResult } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { Link, navigate } from '../routing/router.js';
import { downloadBlob } from '../ui/download.js';
import { IntegrityMark } from '../ui/integrity-mark.js';
import { competencyLabel, decisionLabel, percentileLabel, scoreLabel, statusLabel } from '../ui/format.js';
import { usePageTitle } from '../ui/page-title.js';
import { ErrorNotice, RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';
import { HistogramChart } from './histogram-chart.js';
import { type RankKey, competenciesOf, rankResults } from './ranking.js';

const MAX_COMPARED = 4;

/** The comparison board: every candidate of an assessment ranked, their spread, and a way to compare. */
export function ResultsPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useRequest(() => staffApi.getAssessment(assessmentId), [assessmentId]);
  const results = useRequest(() => staffApi.results(assessmentId), [assessmentId]);
  const title = assessment.status === 'ready' ? assessment.data.title : 'Assessment';
  usePageTitle(`Results of ${title}`);

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/app/assessments">Assessments</Link> /{' '}
            <Link to={`/app/assessments/${assessmentId}`}>{title}</Link> / Results
          </p>
          <h1>Comparison board</h1>
          <p className="muted">Candidates ranked by total score, with their percentile and scores per competency.</p>
        </div>
        <CsvButton assessmentId={assessmentId} title={title} />
      </div>
      <RequestView request={results} loading="Loading results…" route="GET /api/v1/assessments/:id/results">
        {(list) => <Board assessmentId={assessmentId} results={list} />}
      </RequestView>
    </div>
  );
}

function CsvButton({ assessmentId, title }: { assessmentId: string; title: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await staffApi.resultsCsv(assessmentId);
      downloadBlob(blob, `${title.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '') || 'results'}-results.csv`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="csv-export">
      <button type="button" className="button" onClick={() => void download()} disabled={busy}>
        {busy ? 'Preparing…' : 'Export CSV'}
      </button>
      {error ? <ErrorNotice error={error} route="GET /api/v1/assessments/:id/results.csv" /> : null}
    </div>
  );
}

function Board({ assessmentId, results }: { assessmentId: string; results: SessionResult[] }) {
  const [sortKey, setSortKey] = useState<RankKey>({ kind: 'total' });
  const [selected, setSelected] = useState<string[]>([]);
  const competencies = competenciesOf(results, COMPETENCIES);
  const ranked = rankResults(results, sortKey);

  if (results.length === 0) {
    return (
      <div className="empty-state">
        <h2>No results yet</h2>
        <p>Results appear here as soon as candidates finish. Invite candidates from the assessment page.</p>
        <Link to={`/app/assessments/${assessmentId}`} className="button button-primary">
          Invite candidates
        </Link>
      </div>
    );
  }

  const toggle = (sessionId: string, on: boolean) =>
    setSelected((current) =>
      on ? [...current, sessionId].slice(-MAX_COMPARED) : current.filter((id) => id !== sessionId),
    );
  const isSorted = (key: RankKey) =>
    key.kind === sortKey.kind && (key.kind === 'total' || (sortKey.kind === 'competency' && sortKey.id === key.id));
  const sortHeader = (key: RankKey, label: string) => (
    <button type="button" className="sort-button" onClick={() => setSortKey(key)}>
      {label}
      <span aria-hidden="true">{isSorted(key) ? ' ▼' : ''}</span>
    </button>
  );
  const selectedTotals = results
    .filter((result) => selected.includes(result.sessionId) && result.total !== null)
    .map((result) => result.total as number);

  return (
    <>
      <div className="board-top">
        <section className="card" aria-labelledby="spread-heading">
          <h2 id="spread-heading">Spread of totals</h2>
          <HistogramChart totals={results.map((result) => result.total)} highlight={selectedTotals} />
        </section>
        <section className="card compare-card" aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare candidates</h2>
          <p className="muted">Tick 2 to 4 candidates in the table to see them side by side with a competency radar.</p>
          <p role="status" aria-live="polite">
            {selected.length} selected
          </p>
          <button
            type="button"
            className="button button-primary"
            disabled={selected.length < 2}
            onClick={() =>
              navigate(
                `/app/assessments/${assessmentId}/compare?sessions=${selected.map(encodeURIComponent).join(',')}`,
              )
            }
          >
            Compare {selected.length >= 2 ? selected.length : ''} candidates
          </button>
        </section>
      </div>
      <div className="table-wrap">
        <table className="data-table ranked-table">
          <caption className="visually-hidden">Candidates ranked by score</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
              <th scope="col">Rank</th>
              <th scope="col">Candidate</th>
              <th scope="col" className="numeric" aria-sort={isSorted({ kind: 'total' }) ? 'descending' : 'none'}>
                {sortHeader({ kind: 'total' }, 'Total')}
              </th>
              <th scope="col" className="numeric">
                Percentile
              </th>
              {competencies.map((id) => (
                <th
                  key={id}
                  scope="col"
                  className="numeric"
                  aria-sort={isSorted({ kind: 'competency', id }) ? 'descending' : 'none'}
                >
                  {sortHeader({ kind: 'competency', id }, competencyLabel(id))}
                </th>
              ))}
              <th scope="col">Status</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map(({ rank, result }) => {
              const checked = selected.includes(result.sessionId);
              return (
                <tr key={result.sessionId} className={checked ? 'row-selected' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      checked={checked}
                      aria-label={`Compare ${result.candidateName}`}
                      disabled={!checked && selected.length >= MAX_COMPARED}
                      onChange={(event) => toggle(result.sessionId, event.target.checked)}
                    />
                  </td>
                  <td>{rank ?? '–'}</td>
                  <th scope="row">
                    <Link to={`/app/sessions/${result.sessionId}`}>{result.candidateName}</Link>
                    <IntegrityMark mark={result.integrityReview} compact />
                  </th>
                  <td className="numeric strong">
                    <ScoreBar score={result.total} />
                  </td>
                  <td className="numeric">{percentileLabel(result.percentile)}</td>
                  {competencies.map((id) => (
                    <td key={id} className="numeric">
                      {scoreLabel(result.competencies[id])}
                    </td>
                  ))}
                  <td>
                    <span className={`status status-${result.status}`}>{statusLabel(result.status)}</span>
                  </td>
                  <td>
                    {result.decision ? decisionLabel(result.decision) : <span className="muted">Not reviewed</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ScoreBar({ score }: { score: number | null }) {
  return (
    <span className="score-bar">
      <span className="score-bar-track" aria-hidden="true">
        <span className="score-bar-fill" style={{ width: `${Math.round((score ?? 0) * 100)}%` }} />
      </span>
      {score === null ? 'Pending' : scoreLabel(score)}
    </span>
  );
}
