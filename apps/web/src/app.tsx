import { Suspense, lazy, useEffect } from 'react';
import { useStaffUser } from './staff/use-staff-user.js';
import { Link, Redirect, RouterProvider, matchPath, useLocation } from './routing/router.js';
import { SignInPage } from './staff/sign-in-page.js';
import { SignUpPage } from './staff/sign-up-page.js';
import { Spinner } from './ui/request-view.js';

// The candidate's workspace and the staff screens are separate chunks: a candidate never loads
// the recruiter's screens, and the other way round.
const TakeAssessmentPage = lazy(() =>
  import('./candidate/take-assessment-page.js').then((module) => ({ default: module.TakeAssessmentPage })),
);
const StaffApp = lazy(() => import('./staff/staff-app.js').then((module) => ({ default: module.StaffApp })));

export function App() {
  return (
    <RouterProvider>
      <Suspense fallback={<Spinner label="Loading Assay…" />}>
        <Screens />
      </Suspense>
    </RouterProvider>
  );
}

function Screens() {
  const { path } = useLocation();
  const take = matchPath('/take/:token', path);
  if (take) return <TakeAssessmentPage token={take.token} />;
  if (path === '/signin') return <SignInPage />;
  if (path === '/signup') return <SignUpPage />;
  if (path === '/app' || path.startsWith('/app/')) return <StaffApp />;
  if (path === '/' || path === '') return <Home />;
  return <NotFound />;
}

function Home() {
  const user = useStaffUser();
  return <Redirect to={user ? '/app' : '/signin'} />;
}

function NotFound() {
  useEffect(() => {
    document.title = 'Not found · Assay';
  }, []);
  return (
    <main className="centered-page">
      <div className="card narrow">
        <h1>Page not found</h1>
        <p>
          There is nothing at this address. If you are a candidate, open the link from your invitation e-mail again.
        </p>
        <Link to="/" className="button button-primary">
          Go to Assay
        </Link>
      </div>
    </main>
  );
}
