import { useMemo } from 'react';
import { designSectionsOf, estimateQuestionsOf } from '../candidate/items/design-item.js';
import { quizQuestionsOf } from '../candidate/items/quiz-item.js';
import { REVIEW_CATEGORIES, reviewCommentsOf } from '../candidate/items/review-item.js';
import { parseDiffForView } from '../ui/diff-lines.js';
import { DiffView } from '../ui/diff-view.js';
import { MermaidPreview } from '../ui/mermaid-preview.js';

/** A structured answer (design, review, quiz) as the interviewer reads it. */
export function AnswerView({
  type,
  answer,
  material,
}: {
  type: string;
  answer: Record<string, unknown>;
  material?: Record<string, unknown>;
}) {
  const diff = typeof material?.diff === 'string' ? material.diff : '';
  const files = useMemo(() => parseDiffForView(diff), [diff]);

  if (type === 'system-design') {
    const sections = (answer.sections ?? {}) as Record<string, unknown>;
    const estimates = (answer.estimates ?? {}) as Record<string, unknown>;
    const questions = estimateQuestionsOf(material);
    return (
      <div className="answer-view">
        {designSectionsOf(material).map((section) => (
          <section key={section.id} className="answer-section">
            <h4>{section.title}</h4>
            <p className="prewrap">
              {typeof sections[section.id] === 'string' && sections[section.id] ? String(sections[section.id]) : '—'}
            </p>
          </section>
        ))}
        {typeof answer.diagram === 'string' && answer.diagram ? (
          <section className="answer-section">
            <h4>Diagram</h4>
            <MermaidPreview source={answer.diagram} label="The candidate’s diagram" />
          </section>
        ) : null}
        {Object.keys(estimates).length > 0 ? (
          <section className="answer-section">
            <h4>Estimates</h4>
            <dl className="estimates">
              {Object.entries(estimates).map(([id, value]) => (
                <div key={id}>
                  <dt>{questions.find((question) => question.id === id)?.question ?? id}</dt>
                  <dd>{typeof value === 'number' || typeof value === 'string' ? String(value) : '—'}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
      </div>
    );
  }
  if (type === 'code-review') {
    const comments = reviewCommentsOf(answer);
    return files.length > 0 ? (
      <DiffView files={files} comments={comments} categories={REVIEW_CATEGORIES} />
    ) : (
      <ul className="comment-list">
        {comments.map((comment, index) => (
          <li key={index} className="comment">
            <span className="comment-line">
              {comment.file}:{comment.line} · {comment.category}
            </span>
            <p>{comment.body}</p>
          </li>
        ))}
      </ul>
    );
  }
  if (type === 'quiz') {
    const chosen = (answer.answers ?? {}) as Record<string, unknown>;
    const questions = quizQuestionsOf(material);
    return (
      <ol className="quiz">
        {questions.map((question) => {
          const picked = Array.isArray(chosen[question.id]) ? (chosen[question.id] as string[]) : [];
          return (
            <li key={question.id}>
              <p>{question.prompt}</p>
              <p className="muted">
                {picked.length === 0
                  ? 'Not answered'
                  : question.options
                      .filter((option) => picked.includes(option.id))
                      .map((option) => option.text)
                      .join('; ')}
              </p>
            </li>
          );
        })}
      </ol>
    );
  }
  return <pre className="code-block">{JSON.stringify(answer, null, 2)}</pre>;
}
