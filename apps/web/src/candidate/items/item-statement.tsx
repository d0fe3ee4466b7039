import type { CandidateItem } from '../../api/api-types.js';
import { difficultyLabel, minutesLabel, typeLabel } from '../../ui/format.js';
import { MarkdownView } from '../../ui/markdown-view.js';
import { PendingApiNotice } from '../../ui/request-view.js';

const AUTHORING_FIELDS = new Set(['name', 'sample', 'weight']);

/** The item's statement and its sample tests: everything a candidate may read about it. */
export function ItemStatement({ item }: { item: CandidateItem }) {
  const samples = item.sampleTests ?? [];
  return (
    <section className="item-statement" aria-labelledby={`statement-${item.id}`}>
      <header className="item-header">
        <h1 id={`statement-${item.id}`}>{item.title}</h1>
        <p className="item-meta">
          <span className="badge badge-type">{typeLabel(item.type)}</span>
          {item.estimatedMinutes ? <span className="muted">about {minutesLabel(item.estimatedMinutes)}</span> : null}
          {item.difficulty ? (
            <span className={`badge badge-${item.difficulty}`}>{difficultyLabel(item.difficulty)}</span>
          ) : null}
        </p>
      </header>
      {item.statement ? (
        <MarkdownView source={item.statement} className="statement" />
      ) : (
        <PendingApiNotice route="GET /api/v1/candidate/session (statements)">
          Work on the item from its title for now; your work is saved all the same.
        </PendingApiNotice>
      )}
      {samples.length > 0 ? (
        <section className="sample-tests" aria-labelledby={`samples-${item.id}`}>
          <h2 id={`samples-${item.id}`}>Sample tests</h2>
          {samples.map((test) => (
            <details key={test.name} className="sample-test">
              <summary>{test.name}</summary>
              <pre className="code-block">
                {JSON.stringify(
                  Object.fromEntries(Object.entries(test).filter(([key]) => !AUTHORING_FIELDS.has(key))),
                  null,
                  2,
                )}
              </pre>
            </details>
          ))}
        </section>
      ) : null}
    </section>
  );
}
