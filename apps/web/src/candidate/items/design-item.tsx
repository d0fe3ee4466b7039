import { useState } from 'react';
import { CodeEditor } from '../../ui/code-editor.js';
import { Field } from '../../ui/form-field.js';
import { MermaidPreview } from '../../ui/mermaid-preview.js';
import { useItemAutosave } from '../use-item-autosave.js';
import { useSubmissionRunner } from '../use-submission-runner.js';
import type { ItemProps } from './code-item.js';
import { ItemStatement } from './item-statement.js';
import { SaveIndicator } from './save-indicator.js';
import { SubmitBar } from './submit-bar.js';

interface DesignSection {
  id: string;
  title: string;
  prompt?: string;
}

interface EstimateQuestion {
  id: string;
  question: string;
  unit?: string;
}

/** The sections of issue 4, used when a challenge does not name its own. */
const DEFAULT_SECTIONS: DesignSection[] = [
  {
    id: 'requirements',
    title: 'Requirements',
    prompt: 'Functional and non-functional requirements, assumptions, scale.',
  },
  { id: 'api', title: 'API', prompt: 'The interface: endpoints or messages, with their main fields.' },
  { id: 'data-model', title: 'Data model', prompt: 'Entities, storage choices, keys and indexes.' },
  { id: 'scaling', title: 'Scaling', prompt: 'How it grows: partitioning, caching, replication, queues.' },
  { id: 'failure-modes', title: 'Failure modes', prompt: 'What breaks, how you detect it, and how it recovers.' },
  { id: 'trade-offs', title: 'Trade-offs', prompt: 'What you chose not to do, and why.' },
];

const DIAGRAM_EXAMPLE = `flowchart LR
  client[Client] --> api[API]
  api --> db[(PostgreSQL)]`;

/** The API's system-design answer: estimates are text with an optional unit ("12k req/s", "3 TB"). */
export interface DesignAnswer {
  sections: Record<string, string>;
  diagram: string;
  estimates: Record<string, string>;
}

function readList<T>(value: unknown, read: (entry: Record<string, unknown>) => T | null): T[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((entry: unknown) =>
      typeof entry === 'object' && entry !== null ? read(entry as Record<string, unknown>) : null,
    )
    .filter((entry): entry is T => entry !== null);
}

export function designSectionsOf(material: Record<string, unknown> | undefined): DesignSection[] {
  const sections = readList(material?.sections, (entry) =>
    typeof entry.id === 'string' && typeof entry.title === 'string'
      ? { id: entry.id, title: entry.title, prompt: typeof entry.prompt === 'string' ? entry.prompt : undefined }
      : null,
  );
  return sections.length > 0 ? sections : DEFAULT_SECTIONS;
}

export function estimateQuestionsOf(material: Record<string, unknown> | undefined): EstimateQuestion[] {
  return readList(material?.estimates, (entry) => {
    const question =
      typeof entry.question === 'string' ? entry.question : typeof entry.prompt === 'string' ? entry.prompt : null;
    return typeof entry.id === 'string' && question
      ? { id: entry.id, question, unit: typeof entry.unit === 'string' ? entry.unit : undefined }
      : null;
  });
}

function asDesignAnswer(value: Record<string, unknown> | undefined): DesignAnswer {
  const sections = (value?.sections ?? {}) as Record<string, unknown>;
  const estimates = (value?.estimates ?? {}) as Record<string, unknown>;
  return {
    sections: Object.fromEntries(Object.entries(sections).filter(([, text]) => typeof text === 'string')) as Record<
      string,
      string
    >,
    diagram: typeof value?.diagram === 'string' ? value.diagram : '',
    estimates: Object.fromEntries(
      Object.entries(estimates)
        .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
        .map(([id, value]) => [id, String(value)]),
    ),
  };
}

/** A system-design item: a structured write-up, a Mermaid diagram with a live preview, and estimates. */
export function DesignItem({ item, actions, live, locked, onStatus, register }: ItemProps) {
  const { autosave, state, start } = useItemAutosave(actions, item, () => onStatus('draft_saved'), register);
  const [answer, setAnswer] = useState<DesignAnswer>(() =>
    asDesignAnswer(start.body && 'answer' in start.body ? start.body.answer : undefined),
  );
  const runner = useSubmissionRunner(actions, live);
  const sections = designSectionsOf(item.material);
  const estimates = estimateQuestionsOf(item.material);

  const change = (next: DesignAnswer) => {
    setAnswer(next);
    autosave.update({ answer: { ...next } });
  };

  return (
    <div className="item-layout item-layout-stacked">
      <ItemStatement item={item} />
      <section className="item-work" aria-label="Your design">
        <div className="editor-toolbar">
          <SaveIndicator state={state} />
          <span className="toolbar-spacer" />
        </div>
        <div className="design-sections">
          {sections.map((section) => (
            <Field key={section.id} label={section.title} hint={section.prompt}>
              <textarea
                rows={5}
                value={answer.sections[section.id] ?? ''}
                readOnly={locked}
                onChange={(event) =>
                  change({ ...answer, sections: { ...answer.sections, [section.id]: event.target.value } })
                }
              />
            </Field>
          ))}
        </div>
        <fieldset className="design-diagram">
          <legend>Diagram (Mermaid)</legend>
          <p className="muted small">
            Optional. Write Mermaid syntax on the left; the preview on the right updates as you type.
          </p>
          <div className="diagram-split">
            <CodeEditor
              value={answer.diagram}
              language="plain"
              label="Mermaid diagram source"
              onChange={(diagram) => diagram !== answer.diagram && change({ ...answer, diagram })}
              readOnly={locked}
              minHeight="220px"
              maxHeight="420px"
            />
            <MermaidPreview source={answer.diagram} label="Diagram preview" />
          </div>
          {!answer.diagram ? (
            <button
              type="button"
              className="button button-small"
              disabled={locked}
              onClick={() => change({ ...answer, diagram: DIAGRAM_EXAMPLE })}
            >
              Start from an example
            </button>
          ) : null}
        </fieldset>
        {estimates.length > 0 ? (
          <fieldset className="design-estimates">
            <legend>Estimates</legend>
            {estimates.map((question) => (
              <Field
                key={question.id}
                label={question.question}
                hint={
                  question.unit
                    ? `In ${question.unit}, or with a unit of your own (e.g. 12k req/s, 3 TB).`
                    : 'A number, with a unit if it has one.'
                }
              >
                <input
                  type="text"
                  maxLength={100}
                  value={answer.estimates[question.id] ?? ''}
                  readOnly={locked}
                  onChange={(event) => {
                    const { [question.id]: _previous, ...others } = answer.estimates;
                    const text = event.target.value;
                    change({ ...answer, estimates: text.trim() === '' ? others : { ...others, [question.id]: text } });
                  }}
                />
              </Field>
            ))}
          </fieldset>
        ) : null}
        <SubmitBar
          progress={runner.final}
          disabled={locked || runner.busy}
          note="Written parts are scored by an interviewer on the challenge’s rubric; estimates are checked automatically."
          onSubmit={() =>
            void runner.send('final', async () => {
              await autosave.flush();
              const accepted = await actions.submit(item.id, { answer: { ...answer } });
              onStatus('submitted');
              return accepted;
            })
          }
        />
      </section>
    </div>
  );
}
