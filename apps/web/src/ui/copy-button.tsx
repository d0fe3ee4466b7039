import { useEffect, useState } from 'react';

/** Copies text to the clipboard and says so; falls back to selecting it when the browser refuses. */
export function CopyButton({
  text,
  label = 'Copy',
  fallbackTarget,
}: {
  text: string;
  label?: string;
  fallbackTarget?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const target = fallbackTarget ? document.getElementById(fallbackTarget) : null;
      if (target instanceof HTMLInputElement) {
        target.focus();
        target.select();
      }
      setState('failed');
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Selected: press Ctrl+C to copy' : ''}
      </span>
      {state === 'failed' ? <span className="muted small">Press Ctrl+C to copy</span> : null}
    </>
  );
}
