import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { STAFF_ROLES, type StaffRole, type StaffUser } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { Field } from '../ui/form-field.js';
import { usePageTitle } from '../ui/page-title.js';
import { ErrorNotice, RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';

const ROLE_HELP: Record<StaffRole, string> = {
  admin: 'Everything, including members and settings',
  recruiter: 'Assessments, invites, results and comparison',
  interviewer: 'Sessions: code, results, comments, rubric and decision',
};

export function MembersPage({ user }: { user: StaffUser }) {
  usePageTitle('Members');
  const members = useRequest(() => staffApi.listMembers(), []);
  const isAdmin = user.role === 'admin';
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Members</h1>
          <p className="muted">The people of your organisation who can use Assay, and what each may do.</p>
        </div>
      </div>
      <div className={isAdmin ? 'two-columns' : ''}>
        <section aria-labelledby="members-heading">
          <h2 id="members-heading" className="visually-hidden">
            Members
          </h2>
          <RequestView request={members} loading="Loading members…">
            {(list) => (
              <div className="table-wrap">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">E-mail address</th>
                      <th scope="col">Role</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((member) => (
                      <tr key={member.id}>
                        <th scope="row">
                          {member.name}
                          {member.id === user.id ? <span className="muted small"> (you)</span> : null}
                        </th>
                        <td>{member.email}</td>
                        <td>
                          <span className="badge badge-neutral">{member.role}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </RequestView>
        </section>
        {isAdmin ? <AddMemberForm onAdded={(member) => members.update((list) => [...list, member])} /> : null}
      </div>
    </div>
  );
}

function AddMemberForm({ onAdded }: { onAdded: (member: StaffUser) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<StaffRole>('recruiter');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const member = await staffApi.addMember({ name: name.trim(), email: email.trim(), password, role });
      onAdded(member);
      setAdded(`${member.name} can now sign in as ${member.role}. Give them their password in person or by phone.`);
      setName('');
      setEmail('');
      setPassword('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const emailTaken = error instanceof ApiError && error.code === 'email_taken';
  return (
    <section className="card" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">Add a member</h2>
      <form onSubmit={(event) => void submit(event)}>
        <Field label="Name">
          <input required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
        </Field>
        <Field label="E-mail address" error={emailTaken ? 'An account with this address exists.' : null}>
          <input
            type="email"
            required
            maxLength={320}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field label="Initial password" hint="At least 12 characters; they can keep it or you can set another later.">
          <input
            type="password"
            required
            minLength={12}
            maxLength={200}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <fieldset className="radio-group">
          <legend>Role</legend>
          {STAFF_ROLES.map((option) => (
            <label key={option} className="radio-option">
              <input
                type="radio"
                name="role"
                value={option}
                checked={role === option}
                onChange={() => setRole(option)}
              />
              <span>
                <strong>{option}</strong>
                <span className="muted small"> — {ROLE_HELP[option]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {error && !emailTaken ? <ErrorNotice error={error} /> : null}
        {added ? (
          <p className="notice notice-success" role="status">
            {added}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add member'}
        </button>
      </form>
    </section>
  );
}
