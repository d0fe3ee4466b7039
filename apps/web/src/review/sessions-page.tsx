import { useState } from 'react';
import type { Assessment, SessionSummary } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { Link } from '../routing/router.js';
import { Field } from '../ui/form-field.js';
import { dateTimeLabel, decisionLabel, scoreLabel, statusLabel } from '../ui/format.js';
import { usePageTitle } from '../ui/page-title.js';
import { RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';

interface SessionRow extends SessionSummary {
  assessment: Assessment;
}

/** Every session of the organisation, newest first: what an interviewer starts from. */
export function SessionsPage() {
  usePageTitle('Sessions');
  const [assessmentFilter, setAssessmentFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const rows = useRequest(async () => {
    const assessments = await staffApi.listAssessments();
    const perAssessment = await Promise.all(
      assessments.map(async (assessment) =>
        (await staffApi.listSessions(assessment.id)).map((session): SessionRow => ({ ...session, assessment })),
      ),
    );
    return {
      assessments,
      sessions: perAssessment.flat().sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '')),
    };
  }, []);

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div>
          <h1>Sessions</h1>
          <p className="muted">
            Candidates’ sessions across your assessments: watch them live, then review and decide.
          </p>
        </div>
        {rows.status === 'ready' ? (
          <button type="button" className="button" onClick={rows.reload}>
            Refresh
          </button>
        ) : null}
      </div>
      <RequestView request={rows} loading="Loading sessions…" route="GET /api/v1/assessments/:id/sessions">
        {({ assessments, sessions }) => {
          const shown = sessions.filter(
            (session) =>
              (!assessmentFilter || session.assessment.id === assessmentFilter) &&
              (!statusFilter || session.status === statusFilter),
          );
          const statuses = [...new Set(sessions.map((session) => session.status))];
          return (
            <>
              <div className="filter-bar" role="group" aria-label="Filter sessions">
                <Field label="Assessment">
                  <select value={assessmentFilter} onChange={(event) => setAssessmentFilter(event.target.value)}>
                    <option value="">All assessments</option>
                    {assessments.map((assessment) => (
                      <option key={assessment.id} value={assessment.id}>
                        {assessment.title}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label="Status">
                  <select value={statusFilter} onChange={(event) => setStatusFilter(event.target.value)}>
                    <option value="">Any status</option>
                    {statuses.map((status) => (
                      <option key={status} value={status}>
                        {statusLabel(status)}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              {shown.length === 0 ? (
                <p className="empty-inline">No sessions match.</p>
              ) : (
                <div className="table-wrap">
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">Candidate</th>
                        <th scope="col">Assessment</th>
                        <th scope="col">Status</th>
                        <th scope="col">Started</th>
                        <th scope="col" className="numeric">
                          Score
                        </th>
                        <th scope="col">Decision</th>
                        <th scope="col">
                          <span className="visually-hidden">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((session) => (
                        <tr key={session.id}>
                          <th scope="row">{session.candidateName}</th>
                          <td>{session.assessment.title}</td>
                          <td>
                            <span className={`status status-${session.status}`}>{statusLabel(session.status)}</span>
                          </td>
                          <td>{dateTimeLabel(session.startedAt)}</td>
                          <td className="numeric">{scoreLabel(session.total)}</td>
                          <td>{session.decision ? decisionLabel(session.decision) : '–'}</td>
                          <td className="actions">
                            <Link to={`/app/sessions/${session.id}`} className="button button-small">
                              {session.status === 'in_progress' ? 'Watch live' : 'Review'}
                            </Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </RequestView>
    </div>
  );
}
