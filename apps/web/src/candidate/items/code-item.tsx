import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { CandidateItem } from '../../api/api-types.js';
import type { LiveConnection } from '../../live/live-connection.js';
import { CodeEditor, editorLanguageOf } from '../../ui/code-editor.js';
import { languageLabel } from '../../ui/format.js';
import { useRecordActivity } from '../activity-context.js';
import { ActivityReporter } from '../activity-reporter.js';
import type { CandidateActions } from '../candidate-actions.js';
import type { DraftAutosave } from '../draft-autosave.js';
import { languagesOf, starterCode } from '../item-draft.js';
import { useItemAutosave } from '../use-item-autosave.js';
import { useSubmissionRunner } from '../use-submission-runner.js';
import { ItemStatement } from './item-statement.js';
import { ResultsPanel } from './results-panel.js';
import { SaveIndicator } from './save-indicator.js';

export interface ItemProps {
  item: CandidateItem;
  actions: CandidateActions;
  live: LiveConnection;
  /** Time is up: nothing can change any more. */
  locked: boolean;
  onStatus: (status: string) => void;
  register: (autosave: DraftAutosave | null) => void;
}

/** JavaScript, TypeScript and SQL items: statement, editor with the starter, runs and submissions. */
export function CodeItem({ item, actions, live, locked, onStatus, register }: ItemProps) {
  const languages = languagesOf(item);
  const recordActivity = useRecordActivity();
  const { autosave, state, start } = useItemAutosave(actions, item, () => onStatus('draft_saved'), register);
  const initial = start.body && 'code' in start.body ? start.body : null;
  const [language, setLanguage] = useState(() =>
    initial && languages.includes(initial.language) ? initial.language : languages[0],
  );
  // Code per language, so switching back and forth loses nothing.
  const codeByLanguage = useRef(new Map<string, string>(initial ? [[initial.language, initial.code]] : []));
  const [code, setCode] = useState(() => codeByLanguage.current.get(language) ?? starterCode(item, language));
  const runner = useSubmissionRunner(actions, live);
  const languageId = useId();

  const edit = (next: string) => {
    if (next === code) return;
    setCode(next);
    codeByLanguage.current.set(language, next);
    autosave.update({ language, code: next });
  };

  const switchLanguage = (next: string) => {
    codeByLanguage.current.set(language, code);
    const nextCode = codeByLanguage.current.get(next) ?? starterCode(item, next);
    setLanguage(next);
    setCode(nextCode);
    autosave.update({ language: next, code: nextCode });
  };

  const runSamples = () => void runner.send('run', () => actions.run(item.id, { language, code }));
  const submit = () =>
    void runner.send('final', async () => {
      await autosave.flush();
      const accepted = await actions.submit(item.id, { language, code });
      onStatus('submitted');
      return accepted;
    });

  const shortcuts = (event: KeyboardEvent) => {
    if (locked || !(event.ctrlKey || event.metaKey) || event.key !== 'Enter') return;
    event.preventDefault();
    if (event.shiftKey) submit();
    else runSamples();
  };

  const busy = runner.busy || locked;
  return (
    <div className="item-layout">
      <ItemStatement item={item} />
      <section className="item-work" aria-label="Your solution" onKeyDown={shortcuts}>
        <div className="editor-toolbar">
          {languages.length > 1 ? (
            <span className="inline-field">
              <label htmlFor={languageId}>Language</label>
              <select
                id={languageId}
                value={language}
                disabled={locked}
                onChange={(event) => switchLanguage(event.target.value)}
              >
                {languages.map((option) => (
                  <option key={option} value={option}>
                    {languageLabel(option)}
                  </option>
                ))}
              </select>
            </span>
          ) : (
            <span className="badge badge-neutral">{languageLabel(language)}</span>
          )}
          <SaveIndicator state={state} />
          <span className="toolbar-spacer" />
          <button
            type="button"
            className="button"
            onClick={runSamples}
            disabled={busy}
            title="Ctrl+Enter"
            aria-keyshortcuts="Control+Enter"
          >
            Run samples
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={submit}
            disabled={busy}
            title="Ctrl+Shift+Enter"
            aria-keyshortcuts="Control+Shift+Enter"
          >
            Submit
          </button>
        </div>
        <CodeEditor
          value={code}
          language={editorLanguageOf(language)}
          label={`Your ${languageLabel(language)} code for ${item.title}`}
          onChange={edit}
          onInsert={(kind, text) => recordActivity(kind, ActivityReporter.sizeOf(text))}
          readOnly={locked}
          minHeight="360px"
          maxHeight="60vh"
        />
        <p className="muted small editor-hint">
          Ctrl+Enter runs the samples, Ctrl+Shift+Enter submits. Tab indents; press Esc then Tab to leave the editor.
        </p>
        <ResultsPanel run={runner.run} final={runner.final} />
      </section>
    </div>
  );
}
