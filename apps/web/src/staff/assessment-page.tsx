import { type FormEvent, useState } from 'react';
import type { Assessment, Invite } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { Link } from '../routing/router.js';
import { CopyButton } from '../ui/copy-button.js';
import { Field } from '../ui/form-field.js';
import {
  competencyLabel,
  dateTimeLabel,
  decisionLabel,
  difficultyLabel,
  minutesLabel,
  scoreLabel,
  statusLabel,
  typeLabel,
} from '../ui/format.js';
import { usePageTitle } from '../ui/page-title.js';
import { ErrorNotice, RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';

export function AssessmentPage({ assessmentId, canInvite }: { assessmentId: string; canInvite: boolean }) {
  const assessment = useRequest(() => staffApi.getAssessment(assessmentId), [assessmentId]);
  usePageTitle(assessment.status === 'ready' ? assessment.data.title : 'Assessment');
  return (
    <div className="page">
      <RequestView request={assessment} loading="Loading the assessment…">
        {(data) => <AssessmentDetail assessment={data} canInvite={canInvite} />}
      </RequestView>
    </div>
  );
}

function AssessmentDetail({ assessment, canInvite }: { assessment: Assessment; canInvite: boolean }) {
  const competencies = [...new Set(assessment.items.flatMap((item) => item.competencies))];
  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/app/assessments">Assessments</Link> / {assessment.title}
          </p>
          <h1>{assessment.title}</h1>
          <p className="muted">
            {assessment.items.length} challenge{assessment.items.length === 1 ? '' : 's'} · time limit{' '}
            {minutesLabel(assessment.durationMinutes)} · estimated {minutesLabel(assessment.estimatedMinutes)}
          </p>
          <p className="chips">
            {competencies.map((id) => (
              <span key={id} className="chip">
                {competencyLabel(id)}
              </span>
            ))}
          </p>
        </div>
        {canInvite ? (
          <Link to={`/app/assessments/${assessment.id}/results`} className="button">
            Comparison board
          </Link>
        ) : null}
      </div>
      <div className="two-columns">
        <section aria-labelledby="items-heading">
          <h2 id="items-heading">Challenges</h2>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Challenge</th>
                  <th scope="col">Type</th>
                  <th scope="col">Difficulty</th>
                  <th scope="col" className="numeric">
                    Estimate
                  </th>
                  <th scope="col" className="numeric">
                    Weight
                  </th>
                </tr>
              </thead>
              <tbody>
                {assessment.items.map((item, index) => (
                  <tr key={item.id}>
                    <td>{index + 1}</td>
                    <th scope="row">
                      {item.title}
                      <div className="muted small">
                        <code>{item.challengeSlug}</code> v{item.challengeVersion}
                      </div>
                    </th>
                    <td>{typeLabel(item.type)}</td>
                    <td>
                      <span className={`badge badge-${item.difficulty}`}>{difficultyLabel(item.difficulty)}</span>
                    </td>
                    <td className="numeric">{minutesLabel(item.estimatedMinutes)}</td>
                    <td className="numeric">{item.weight}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        {canInvite ? <InvitePanel assessmentId={assessment.id} /> : null}
      </div>
      <SessionsPanel assessmentId={assessment.id} />
    </>
  );
}

const EXPIRY_CHOICES = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '1 week' },
  { hours: 336, label: '2 weeks' },
  { hours: 720, label: '30 days' },
];

function InvitePanel({ assessmentId }: { assessmentId: string }) {
  const [candidateName, setCandidateName] = useState('');
  const [candidateEmail, setCandidateEmail] = useState('');
  const [expiresInHours, setExpiresInHours] = useState(168);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invites, setInvites] = useState<(Invite & { candidateName: string })[]>([]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const invite = await staffApi.invite(assessmentId, {
        candidateName: candidateName.trim(),
        candidateEmail: candidateEmail.trim(),
        expiresInHours,
      });
      setInvites((current) => [{ ...invite, candidateName: candidateName.trim() }, ...current]);
      setCandidateName('');
      setCandidateEmail('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a candidate</h2>
      <form onSubmit={(event) => void submit(event)}>
        <Field label="Candidate’s name">
          <input
            required
            maxLength={200}
            value={candidateName}
            onChange={(event) => setCandidateName(event.target.value)}
          />
        </Field>
        <Field label="Candidate’s e-mail address">
          <input
            type="email"
            required
            maxLength={320}
            value={candidateEmail}
            onChange={(event) => setCandidateEmail(event.target.value)}
          />
        </Field>
        <Field label="Link valid for" hint="The candidate must start before then; the timer starts when they do.">
          <select value={expiresInHours} onChange={(event) => setExpiresInHours(Number(event.target.value))}>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.hours} value={choice.hours}>
                {choice.label}
              </option>
            ))}
          </select>
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create invite link'}
        </button>
      </form>
      {invites.length > 0 ? (
        <div className="invites" aria-live="polite">
          <p className="notice notice-info">
            Each link is shown only once: copy it and send it to the candidate now. Only its fingerprint is stored.
          </p>
          <ul className="invite-list">
            {invites.map((invite) => (
              <li key={invite.id} className="invite">
                <Field
                  label={`Invite link for ${invite.candidateName}`}
                  hint={`Valid until ${dateTimeLabel(invite.expiresAt)}.`}
                >
                  <input
                    readOnly
                    value={invite.url}
                    className="mono"
                    onFocus={(event) => event.currentTarget.select()}
                  />
                </Field>
                <CopyButton text={invite.url} label="Copy link" />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function SessionsPanel({ assessmentId }: { assessmentId: string }) {
  const sessions = useRequest(() => staffApi.listSessions(assessmentId), [assessmentId]);
  return (
    <section aria-labelledby="sessions-heading" className="section">
      <div className="section-header">
        <h2 id="sessions-heading">Candidates</h2>
        {sessions.status === 'ready' ? (
          <button type="button" className="button button-small" onClick={sessions.reload}>
            Refresh
          </button>
        ) : null}
      </div>
      <RequestView request={sessions} loading="Loading sessions…" route="GET /api/v1/assessments/:id/sessions">
        {(list) =>
          list.length === 0 ? (
            <p className="empty-inline">Nobody has started this assessment yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
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
                  {list.map((session) => (
                    <tr key={session.id}>
                      <th scope="row">
                        {session.candidateName}
                        {session.candidateEmail ? <div className="muted small">{session.candidateEmail}</div> : null}
                      </th>
                      <td>
                        <span className={`status status-${session.status}`}>{statusLabel(session.status)}</span>
                      </td>
                      <td>{dateTimeLabel(session.startedAt)}</td>
                      <td className="numeric">{scoreLabel(session.total)}</td>
                      <td>{session.decision ? decisionLabel(session.decision) : '–'}</td>
                      <td className="actions">
                        <Link to={`/app/sessions/${session.id}`} className="button button-small">
                          {session.status === 'in_progress' ? 'Watch' : 'Review'}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </RequestView>
    </section>
  );
}
