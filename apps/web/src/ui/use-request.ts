import { useCallback, useEffect, useRef, useState } from 'react';

export type RequestState<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T; refreshing: boolean };

export type Request<T> = RequestState<T> & {
  reload: () => void;
  /** Replaces the loaded data after a change the page made itself. */
  update: (change: (data: T) => T) => void;
};

/**
 * Loads data for a screen: aborted when the screen goes away or the inputs change, reloadable,
 * and a reload keeps the old data on screen while it runs.
 */
export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Request<T> {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) =>
      previous.status === 'ready' && generation > 0 ? { ...previous, refreshing: true } : { status: 'loading' },
    );
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, refreshing: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // The caller names the inputs that should trigger a new load.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setState((previous) => (previous.status === 'ready' ? { ...previous, data: change(previous.data) } : previous)),
    [],
  );
  return { ...state, reload, update };
}
