import type { ReactNode } from 'react';

/** The frame of the sign-in and sign-up pages: what Assay is, beside the form. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth-page">
      <section className="auth-brand" aria-label="About Assay">
        <p className="brand-mark" aria-hidden="true">
          Assay
        </p>
        <h2>Skills assessments for backend engineers</h2>
        <ul className="auth-points">
          <li>Real code, SQL, system design, code review and quizzes, judged in a sandbox.</li>
          <li>Live results while candidates work; playback of how every answer was written.</li>
          <li>Rubrics, decisions and a comparison board for the whole hiring team.</li>
        </ul>
      </section>
      <section className="auth-form-side">
        <div className="card auth-card">
          <h1>{title}</h1>
          {children}
        </div>
      </section>
    </main>
  );
}

/** Where to go after signing in: only a path inside the app, never another site. */
export function nextPathFrom(search: URLSearchParams): string {
  const next = search.get('next');
  return next && next.startsWith('/app') && !next.startsWith('//') ? next : '/app';
}
