import { type FormEvent, useState } from 'react';
import { WEBHOOK_EVENTS, type WebhookDelivery, type WebhookEndpoint, type WebhookEvent } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { CopyButton } from '../ui/copy-button.js';
import { Field } from '../ui/form-field.js';
import { dateTimeLabel } from '../ui/format.js';
import { usePageTitle } from '../ui/page-title.js';
import { ErrorNotice, RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';

const EVENT_HELP: Record<WebhookEvent, string> = {
  'session.completed': 'a candidate finished, or the time ran out',
  'review.submitted': 'an interviewer saved a review',
  'score.overridden': 'an item score was overridden or the override removed',
};

/** The admin's webhook endpoints: add one (its secret shown once), enable or disable, rotate, read deliveries. */
export function WebhooksPage() {
  usePageTitle('Webhooks');
  const endpoints = useRequest(() => staffApi.listWebhooks(), []);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [openLog, setOpenLog] = useState<string | null>(null);
  const replace = (endpoint: WebhookEndpoint) =>
    endpoints.update((list) =>
      list.some((other) => other.id === endpoint.id)
        ? list.map((other) => (other.id === endpoint.id ? endpoint : other))
        : [...list, endpoint],
    );

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div>
          <h1>Webhooks</h1>
          <p className="muted">
            Assay posts signed events to these addresses (see the API documentation for the signature and retries).
          </p>
        </div>
      </div>
      {secret ? <SecretNotice {...secret} onDismiss={() => setSecret(null)} /> : null}
      <div className="two-columns">
        <section aria-labelledby="endpoints-heading">
          <h2 id="endpoints-heading" className="visually-hidden">
            Endpoints
          </h2>
          <RequestView request={endpoints} loading="Loading webhooks…" route="GET /api/v1/webhooks">
            {(list) =>
              list.length === 0 ? (
                <p className="empty-inline">No webhook yet. Add the first one with the form.</p>
              ) : (
                <ul className="webhook-list">
                  {list.map((endpoint) => (
                    <li key={endpoint.id} className="card webhook-card">
                      <EndpointCard
                        endpoint={endpoint}
                        logOpen={openLog === endpoint.id}
                        onToggleLog={() => setOpenLog((current) => (current === endpoint.id ? null : endpoint.id))}
                        onChange={replace}
                        onSecret={(value) => setSecret({ url: endpoint.url, secret: value })}
                      />
                    </li>
                  ))}
                </ul>
              )
            }
          </RequestView>
        </section>
        <AddWebhookForm
          onAdded={(endpoint) => {
            replace(endpoint);
            if (endpoint.secret) setSecret({ url: endpoint.url, secret: endpoint.secret });
          }}
        />
      </div>
    </div>
  );
}

function SecretNotice({ url, secret, onDismiss }: { url: string; secret: string; onDismiss: () => void }) {
  return (
    <section className="notice notice-warning webhook-secret" aria-labelledby="webhook-secret-heading">
      <h2 id="webhook-secret-heading">Signing secret of {url}</h2>
      <p>Copy it now: Assay shows it this once. It signs every delivery (the Assay-Signature header).</p>
      <p className="webhook-secret-value">
        <input
          id="webhook-secret-value"
          readOnly
          aria-label="Signing secret"
          value={secret}
          onFocus={(event) => event.target.select()}
        />
        <CopyButton text={secret} label="Copy secret" fallbackTarget="webhook-secret-value" />
      </p>
      <button type="button" className="button button-small" onClick={onDismiss}>
        I have stored it
      </button>
    </section>
  );
}

function EndpointCard({
  endpoint,
  logOpen,
  onToggleLog,
  onChange,
  onSecret,
}: {
  endpoint: WebhookEndpoint;
  logOpen: boolean;
  onToggleLog: () => void;
  onChange: (endpoint: WebhookEndpoint) => void;
  onSecret: (secret: string) => void;
}) {
  const [busy, setBusy] = useState<'toggle' | 'rotate' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (kind: 'toggle' | 'rotate') => {
    if (kind === 'rotate' && !window.confirm(`Rotate the secret of ${endpoint.url}? The old one stops working now.`)) {
      return;
    }
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'toggle') onChange(await staffApi.updateWebhook(endpoint.id, { enabled: !endpoint.enabled }));
      else onSecret((await staffApi.rotateWebhookSecret(endpoint.id)).secret);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  return (
    <article aria-label={`Webhook ${endpoint.url}`}>
      <header className="webhook-head">
        <code className="webhook-url">{endpoint.url}</code>
        <span className={`badge ${endpoint.enabled ? 'badge-easy' : 'badge-neutral'}`}>
          {endpoint.enabled ? 'Enabled' : 'Disabled'}
        </span>
      </header>
      {endpoint.description ? <p className="muted small">{endpoint.description}</p> : null}
      <p className="webhook-events">
        {endpoint.events.map((event) => (
          <span key={event} className="badge badge-type">
            {event}
          </span>
        ))}
      </p>
      <div className="webhook-actions">
        <button
          type="button"
          className="button button-small"
          disabled={busy !== null}
          onClick={() => void act('toggle')}
        >
          {busy === 'toggle' ? 'Saving…' : endpoint.enabled ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy !== null}
          onClick={() => void act('rotate')}
        >
          {busy === 'rotate' ? 'Rotating…' : 'Rotate secret'}
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          aria-expanded={logOpen}
          onClick={onToggleLog}
        >
          {logOpen ? 'Hide deliveries' : 'Deliveries'}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {logOpen ? <DeliveryLog endpointId={endpoint.id} /> : null}
    </article>
  );
}

function DeliveryLog({ endpointId }: { endpointId: string }) {
  const deliveries = useRequest(() => staffApi.webhookDeliveries(endpointId), [endpointId]);
  return (
    <section className="webhook-log" aria-label="Deliveries">
      <div className="webhook-log-head">
        <h3>Deliveries (newest first)</h3>
        <button type="button" className="button button-small button-quiet" onClick={deliveries.reload}>
          Refresh
        </button>
      </div>
      <RequestView request={deliveries} loading="Loading deliveries…" route="GET /api/v1/webhooks/:id/deliveries">
        {(list: WebhookDelivery[]) =>
          list.length === 0 ? (
            <p className="muted small">Nothing sent yet.</p>
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Attempts</th>
                </tr>
              </thead>
              <tbody>
                {list.map((delivery) => {
                  const last = delivery.attempts[delivery.attempts.length - 1];
                  return (
                    <tr key={delivery.id}>
                      <td>{delivery.event}</td>
                      <td>
                        <span className={`status status-${delivery.status}`}>{delivery.status}</span>
                      </td>
                      <td>{dateTimeLabel(delivery.createdAt)}</td>
                      <td className="muted">
                        {delivery.attempts.length}
                        {last ? ` · last: ${last.statusCode ?? '—'}${last.error ? `, ${last.error}` : ''}` : ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </RequestView>
    </section>
  );
}

function AddWebhookForm({ onAdded }: { onAdded: (endpoint: WebhookEndpoint) => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (events.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = description.trim();
      onAdded(await staffApi.putWebhook({ url: url.trim(), events, ...(trimmed ? { description: trimmed } : {}) }));
      setUrl('');
      setDescription('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (name: WebhookEvent, on: boolean) =>
    setEvents((current) => (on ? [...current, name] : current.filter((other) => other !== name)));

  return (
    <section className="card" aria-labelledby="add-webhook-heading">
      <h2 id="add-webhook-heading">Add a webhook</h2>
      <form onSubmit={(event) => void submit(event)}>
        <Field label="URL" hint="An http: or https: address that answers 2xx within 10 s.">
          <input
            type="url"
            required
            maxLength={2048}
            placeholder="https://hooks.example.com/assay"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        </Field>
        <Field label="Description" hint="Optional: what receives it, e.g. “ATS sync”.">
          <input maxLength={200} value={description} onChange={(event) => setDescription(event.target.value)} />
        </Field>
        <fieldset className="radio-group">
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="radio-option">
              <input
                type="checkbox"
                checked={events.includes(name)}
                onChange={(event) => toggle(name, event.target.checked)}
              />
              <span>
                <strong>{name}</strong>
                <span className="muted small"> — {EVENT_HELP[name]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {events.length === 0 ? <p className="muted small">Choose at least one event.</p> : null}
        {error ? <ErrorNotice error={error} route="PUT /api/v1/webhooks" /> : null}
        <button type="submit" className="button button-primary" disabled={busy || events.length === 0}>
          {busy ? 'Adding…' : 'Add webhook'}
        </button>
      </form>
    </section>
  );
}
