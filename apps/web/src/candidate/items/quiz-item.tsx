import { useState } from 'react';
import { PendingApiNotice } from '../../ui/request-view.js';
import { useItemAutosave } from '../use-item-autosave.js';
import { useSubmissionRunner } from '../use-submission-runner.js';
import type { ItemProps } from './code-item.js';
import { ItemStatement } from './item-statement.js';
import { SaveIndicator } from './save-indicator.js';
import { SubmitBar } from './submit-bar.js';

export interface QuizQuestion {
  id: string;
  prompt: string;
  multiple: boolean;
  options: { id: string; text: string }[];
}

/** Reads the questions of the public material (already shuffled for this candidate by the server). */
export function quizQuestionsOf(material: Record<string, unknown> | undefined): QuizQuestion[] {
  const list = material?.questions;
  if (!Array.isArray(list)) return [];
  const questions: QuizQuestion[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const raw = entry as Record<string, unknown>;
    const prompt = typeof raw.prompt === 'string' ? raw.prompt : typeof raw.text === 'string' ? raw.text : null;
    if (typeof raw.id !== 'string' || !prompt || !Array.isArray(raw.options)) continue;
    const options = (raw.options as unknown[])
      .map((option, index) =>
        typeof option === 'string'
          ? { id: String(index), text: option }
          : typeof option === 'object' && option !== null && typeof (option as { text?: unknown }).text === 'string'
            ? { id: optionId((option as { id?: unknown }).id, index), text: (option as { text: string }).text }
            : null,
      )
      .filter((option): option is { id: string; text: string } => option !== null);
    questions.push({ id: raw.id, prompt, multiple: raw.kind === 'multiple' || raw.multiple === true, options });
  }
  return questions;
}

type Answers = Record<string, string[]>;

function optionId(id: unknown, index: number): string {
  return typeof id === 'string' || typeof id === 'number' ? String(id) : String(index);
}

function answersOf(answer: Record<string, unknown> | undefined): Answers {
  const raw = answer?.answers;
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).map(([id, chosen]) => [
      id,
      Array.isArray(chosen) ? chosen.filter((value): value is string => typeof value === 'string') : [],
    ]),
  );
}

/** A quiz item: single and multiple choice questions. */
export function QuizItem({ item, actions, live, locked, onStatus, register }: ItemProps) {
  const { autosave, state, start } = useItemAutosave(actions, item, () => onStatus('draft_saved'), register);
  const [answers, setAnswers] = useState<Answers>(() =>
    answersOf(start.body && 'answer' in start.body ? start.body.answer : undefined),
  );
  const runner = useSubmissionRunner(actions, live);
  const questions = quizQuestionsOf(item.material);
  const answered = questions.filter((question) => (answers[question.id] ?? []).length > 0).length;

  const choose = (question: QuizQuestion, optionId: string, checked: boolean) => {
    const current = answers[question.id] ?? [];
    const chosen = question.multiple
      ? checked
        ? [...current.filter((id) => id !== optionId), optionId]
        : current.filter((id) => id !== optionId)
      : [optionId];
    const next = { ...answers, [question.id]: chosen };
    setAnswers(next);
    autosave.update({ answer: { answers: next } });
  };

  return (
    <div className="item-layout item-layout-stacked">
      <ItemStatement item={item} />
      <section className="item-work" aria-label="Your answers">
        <div className="editor-toolbar">
          <SaveIndicator state={state} />
          {questions.length > 0 ? (
            <span className="muted small">
              {answered} of {questions.length} answered
            </span>
          ) : null}
          <span className="toolbar-spacer" />
        </div>
        {questions.length === 0 ? <PendingApiNotice route="GET /api/v1/candidate/session (quiz questions)" /> : null}
        <ol className="quiz">
          {questions.map((question, index) => (
            <li key={question.id}>
              <fieldset className="quiz-question">
                <legend>
                  <span className="quiz-number">{index + 1}.</span> {question.prompt}
                  {question.multiple ? <span className="muted small"> (choose all that apply)</span> : null}
                </legend>
                {question.options.map((option) => (
                  <label key={option.id} className="quiz-option">
                    <input
                      type={question.multiple ? 'checkbox' : 'radio'}
                      name={`question-${question.id}`}
                      value={option.id}
                      disabled={locked}
                      checked={(answers[question.id] ?? []).includes(option.id)}
                      onChange={(event) => choose(question, option.id, event.target.checked)}
                    />
                    <span>{option.text}</span>
                  </label>
                ))}
              </fieldset>
            </li>
          ))}
        </ol>
        <SubmitBar
          progress={runner.final}
          disabled={locked || runner.busy || questions.length === 0}
          note={`${answered} of ${questions.length} answered. Unanswered questions score nothing.`}
          onSubmit={() =>
            void runner.send('final', async () => {
              await autosave.flush();
              const accepted = await actions.submit(item.id, { answer: { answers } });
              onStatus('submitted');
              return accepted;
            })
          }
        />
      </section>
    </div>
  );
}
