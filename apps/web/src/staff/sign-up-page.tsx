import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { staffApi } from '../api/assay-services.js';
import { Link, navigate } from '../routing/router.js';
import { Field } from '../ui/form-field.js';
import { ErrorNotice } from '../ui/request-view.js';
import { AuthLayout } from './auth-layout.js';

const MIN_PASSWORD = 12;

export function SignUpPage() {
  const [organizationName, setOrganizationName] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    document.title = 'Create an organisation · Assay';
  }, []);

  const passwordError =
    touched && password.length > 0 && password.length < MIN_PASSWORD
      ? `At least ${MIN_PASSWORD} characters (${password.length} so far).`
      : null;
  const emailTaken = error instanceof ApiError && error.code === 'email_taken';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (password.length < MIN_PASSWORD) return;
    setBusy(true);
    setError(null);
    try {
      await staffApi.signup({
        organizationName: organizationName.trim(),
        name: name.trim(),
        email: email.trim(),
        password,
      });
      navigate('/app/assessments', { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Create your organisation">
      <p className="muted">You become its admin; add recruiters and interviewers afterwards.</p>
      <form onSubmit={(event) => void submit(event)}>
        <Field label="Organisation name">
          <input
            required
            minLength={2}
            maxLength={200}
            autoComplete="organization"
            value={organizationName}
            onChange={(event) => setOrganizationName(event.target.value)}
          />
        </Field>
        <Field label="Your name">
          <input
            required
            maxLength={200}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field
          label="Work e-mail address"
          error={emailTaken ? 'An account with this address exists: sign in instead.' : null}
        >
          <input
            type="email"
            required
            maxLength={320}
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field label="Password" hint={`At least ${MIN_PASSWORD} characters.`} error={passwordError}>
          <input
            type="password"
            required
            minLength={MIN_PASSWORD}
            maxLength={200}
            autoComplete="new-password"
            value={password}
            onBlur={() => setTouched(true)}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        {error && !emailTaken ? <ErrorNotice error={error} /> : null}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? 'Creating…' : 'Create organisation'}
        </button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
