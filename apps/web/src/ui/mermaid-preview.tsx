import { useEffect, useId, useState } from 'react';

type Rendered =
  { kind: 'empty' } | { kind: 'loading' } | { kind: 'svg'; svg: string } | { kind: 'error'; message: string };

let mermaidReady: Promise<typeof import('mermaid').default> | null = null;

/** Mermaid is large: it loads only when a diagram is first shown. */
function loadMermaid() {
  mermaidReady ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'inherit' });
    return mermaid;
  });
  return mermaidReady;
}

/** A live preview of a Mermaid diagram; a syntax error shows the parser's message instead. */
export function MermaidPreview({ source, label }: { source: string; label: string }) {
  const [rendered, setRendered] = useState<Rendered>({ kind: 'empty' });
  const baseId = `mermaid-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  useEffect(() => {
    if (!source.trim()) {
      setRendered({ kind: 'empty' });
      return;
    }
    let cancelled = false;
    setRendered((previous) => (previous.kind === 'svg' ? previous : { kind: 'loading' }));
    const timer = setTimeout(() => {
      loadMermaid()
        .then(async (mermaid) => {
          await mermaid.parse(source);
          const { svg } = await mermaid.render(`${baseId}-${Date.now()}`, source);
          if (!cancelled) setRendered({ kind: 'svg', svg });
        })
        .catch((error: unknown) => {
          if (!cancelled) {
            const message = error instanceof Error ? error.message : String(error);
            setRendered({ kind: 'error', message: message.split('\n').slice(0, 6).join('\n') });
          }
        });
    }, 350);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [source, baseId]);

  return (
    <figure className="mermaid-preview" aria-label={label}>
      {rendered.kind === 'empty' ? <p className="muted">The diagram appears here as you type.</p> : null}
      {rendered.kind === 'loading' ? <p className="muted">Drawing…</p> : null}
      {rendered.kind === 'error' ? (
        <pre className="mermaid-error" role="status">
          {rendered.message}
        </pre>
      ) : null}
      {rendered.kind === 'svg' ? (
        <div className="mermaid-svg" dangerouslySetInnerHTML={{ __html: rendered.svg }} />
      ) : null}
    </figure>
  );
}
