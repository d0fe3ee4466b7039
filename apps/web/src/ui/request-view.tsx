import type { ReactNode } from 'react';
import { ApiError, describeError } from '../api/api-error.js';
import type { Request } from './use-request.js';

export function Spinner({ label }: { label: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** The notice a screen shows when its part of the API is still being built. */
export function PendingApiNotice({ route, children }: { route: string; children?: ReactNode }) {
  return (
    <div className="notice notice-pending" role="status">
      <strong>Coming with the API work in progress.</strong> This screen is built against the API contract and fills in
      as soon as the server answers <code>{route}</code>.{children ? <> {children}</> : null}
    </div>
  );
}

export function ErrorNotice({ error, onRetry, route }: { error: unknown; onRetry?: () => void; route?: string }) {
  if (error instanceof ApiError && error.isRouteMissing && route) return <PendingApiNotice route={route} />;
  return (
    <div className="notice notice-error" role="alert">
      <span>{describeError(error)}</span>
      {onRetry ? (
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Loading, error (with a retry) or the content: every request on every screen goes through this. */
export function RequestView<T>({
  request,
  loading,
  route,
  children,
}: {
  request: Request<T>;
  /** What is being loaded, for the spinner: "Loading assessments…". */
  loading: string;
  /** The API route, named in the notice when the server does not have it yet. */
  route?: string;
  children: (data: T) => ReactNode;
}) {
  if (request.status === 'loading') return <Spinner label={loading} />;
  if (request.status === 'error') return <ErrorNotice error={request.error} onRetry={request.reload} route={route} />;
  return <>{children(request.data)}</>;
}
