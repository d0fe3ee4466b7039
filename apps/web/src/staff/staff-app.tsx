import { type ReactNode, useEffect } from 'react';
import type { StaffRole, StaffUser } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { Link, Redirect, matchPath, navigate, useLocation } from '../routing/router.js';
import { ComparePage } from '../results/compare-page.js';
import { ResultsPage } from '../results/results-page.js';
import { SessionReviewPage } from '../review/session-review-page.js';
import { SessionsPage } from '../review/sessions-page.js';
import { Spinner } from '../ui/request-view.js';
import { AssessmentBuilderPage } from './assessment-builder-page.js';
import { AssessmentPage } from './assessment-page.js';
import { AssessmentsPage } from './assessments-page.js';
import { MembersPage } from './members-page.js';
import { useStaffUser } from './use-staff-user.js';
import { WebhooksPage } from './webhooks-page.js';

const ROLE_LABEL: Record<StaffRole, string> = { admin: 'Admin', recruiter: 'Recruiter', interviewer: 'Interviewer' };

/** Everything behind sign-in: the recruiter's, the interviewer's and the admin's screens. */
export function StaffApp() {
  const user = useStaffUser();
  const { path } = useLocation();

  useEffect(() => {
    if (!user) navigate(`/signin?next=${encodeURIComponent(path)}`, { replace: true });
  }, [user, path]);

  if (!user) return <Spinner label="Checking your sign-in…" />;
  return (
    <div className="staff-shell">
      <StaffHeader user={user} path={path} />
      <main className="staff-main" id="main">
        <StaffScreen user={user} path={path} />
      </main>
    </div>
  );
}

function StaffScreen({ user, path }: { user: StaffUser; path: string }): ReactNode {
  const canRecruit = user.role !== 'interviewer';
  if (path === '/app' || path === '/app/') {
    return <Redirect to={canRecruit ? '/app/assessments' : '/app/sessions'} />;
  }
  if (path === '/app/assessments') return <AssessmentsPage canCreate={canRecruit} />;
  if (path === '/app/assessments/new') return canRecruit ? <AssessmentBuilderPage /> : <Forbidden role="recruiter" />;
  let match = matchPath('/app/assessments/:id/results', path);
  if (match) return canRecruit ? <ResultsPage assessmentId={match.id} /> : <Forbidden role="recruiter" />;
  match = matchPath('/app/assessments/:id/compare', path);
  if (match) return canRecruit ? <ComparePage assessmentId={match.id} /> : <Forbidden role="recruiter" />;
  match = matchPath('/app/assessments/:id', path);
  if (match) return <AssessmentPage assessmentId={match.id} canInvite={canRecruit} />;
  if (path === '/app/sessions') return <SessionsPage />;
  match = matchPath('/app/sessions/:id', path);
  if (match) return <SessionReviewPage sessionId={match.id} />;
  if (path === '/app/members') return <MembersPage user={user} />;
  if (path === '/app/webhooks') return user.role === 'admin' ? <WebhooksPage /> : <Forbidden role="admin" only />;
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        <Link to="/app">Back to the start</Link>
      </p>
    </div>
  );
}

function Forbidden({ role, only = false }: { role: string; only?: boolean }) {
  return (
    <div className="page">
      <h1>Not available to your role</h1>
      <p>
        This screen is for {only ? 'an' : 'a'} {role}
        {only ? '' : ' or an admin'}. Ask an admin of your organisation if you need it.
      </p>
    </div>
  );
}

function StaffHeader({ user, path }: { user: StaffUser; path: string }) {
  const canRecruit = user.role !== 'interviewer';
  const links: { to: string; label: string; active: boolean }[] = [
    { to: '/app/assessments', label: 'Assessments', active: path.startsWith('/app/assessments') },
    { to: '/app/sessions', label: 'Sessions', active: path.startsWith('/app/sessions') },
    { to: '/app/members', label: 'Members', active: path.startsWith('/app/members') },
    ...(user.role === 'admin'
      ? [{ to: '/app/webhooks', label: 'Webhooks', active: path.startsWith('/app/webhooks') }]
      : []),
  ];
  return (
    <header className="staff-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link to={canRecruit ? '/app/assessments' : '/app/sessions'} className="brand-mark" aria-label="Assay home">
        Assay
      </Link>
      <nav aria-label="Main">
        <ul className="staff-nav">
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} aria-current={link.active ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="staff-user">
        <span>
          <span className="staff-user-name">{user.name}</span>
          <span className="badge badge-neutral">{ROLE_LABEL[user.role]}</span>
        </span>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            void staffApi.logout().then(() => navigate('/signin', { replace: true }));
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
