import { type FormEvent, useEffect, useState } from 'react';
import { staffApi } from '../api/assay-services.js';
import { Link, navigate, useLocation } from '../routing/router.js';
import { Field } from '../ui/form-field.js';
import { ErrorNotice } from '../ui/request-view.js';
import { AuthLayout, nextPathFrom } from './auth-layout.js';

export function SignInPage() {
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    document.title = 'Sign in · Assay';
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await staffApi.login({ email: email.trim(), password });
      navigate(nextPathFrom(search), { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Sign in">
      <form onSubmit={(event) => void submit(event)} noValidate={false}>
        <Field label="E-mail address">
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field label="Password">
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth-switch">
        New to Assay? <Link to="/signup">Create an organisation</Link>
      </p>
    </AuthLayout>
  );
}
