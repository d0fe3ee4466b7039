import { Fragment, useId, useState } from 'react';
import type { DiffFileView } from './diff-lines.js';

export interface ReviewComment {
  file: string;
  line: number;
  category: string;
  body: string;
}

interface DiffViewProps {
  files: DiffFileView[];
  comments: ReviewComment[];
  categories: readonly string[];
  /** Without it the view is read-only (interviewers reading a candidate's review). */
  onChange?: (comments: ReviewComment[]) => void;
}

const categoryLabel = (category: string) => category.charAt(0).toUpperCase() + category.slice(1);

/** A unified diff, file by file, with comments on lines of the new version (as on a pull request). */
export function DiffView({ files, comments, categories, onChange }: DiffViewProps) {
  const [composing, setComposing] = useState<{ file: string; line: number; index: number | null } | null>(null);

  const save = (comment: ReviewComment, index: number | null) => {
    if (!onChange) return;
    onChange(
      index === null ? [...comments, comment] : comments.map((existing, at) => (at === index ? comment : existing)),
    );
    setComposing(null);
  };
  const remove = (index: number) => onChange?.(comments.filter((_, at) => at !== index));

  return (
    <div className="diff-view">
      {files.map((file) => (
        <section key={file.path} className="diff-file" aria-label={`Changes to ${file.path}`}>
          <h3 className="diff-file-name">{file.path}</h3>
          <table className="diff-table">
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Old line</th>
                <th scope="col">New line</th>
                <th scope="col">Comment</th>
                <th scope="col">Code</th>
              </tr>
            </thead>
            <tbody>
              {file.lines.map((line, lineIndex) => {
                if (line.kind === 'hunk') {
                  return (
                    <tr key={lineIndex} className="diff-hunk">
                      <td colSpan={4}>{line.text}</td>
                    </tr>
                  );
                }
                const lineComments = comments
                  .map((comment, index) => ({ comment, index }))
                  .filter(
                    ({ comment }) =>
                      comment.file === file.path && line.newLine !== undefined && comment.line === line.newLine,
                  );
                const composingHere =
                  composing &&
                  composing.file === file.path &&
                  composing.line === line.newLine &&
                  composing.index === null;
                return (
                  <Fragment key={lineIndex}>
                    <tr className={`diff-line diff-${line.kind}`}>
                      <td className="diff-number">{line.oldLine ?? ''}</td>
                      <td className="diff-number">{line.newLine ?? ''}</td>
                      <td className="diff-action">
                        {onChange && line.newLine !== undefined ? (
                          <button
                            type="button"
                            className="diff-comment-button"
                            aria-label={`Comment on line ${line.newLine} of ${file.path}`}
                            onClick={() => setComposing({ file: file.path, line: line.newLine!, index: null })}
                          >
                            +
                          </button>
                        ) : null}
                      </td>
                      <td className="diff-code">
                        <span className="diff-marker" aria-hidden="true">
                          {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
                        </span>
                        <span className="visually-hidden">
                          {line.kind === 'added' ? 'Added: ' : line.kind === 'removed' ? 'Removed: ' : ''}
                        </span>
                        {line.text}
                      </td>
                    </tr>
                    {lineComments.map(({ comment, index }) =>
                      composing?.index === index ? (
                        <tr key={`edit-${index}`} className="diff-comment-row">
                          <td colSpan={4}>
                            <CommentForm
                              initial={comment}
                              categories={categories}
                              onSave={(next) => save(next, index)}
                              onCancel={() => setComposing(null)}
                            />
                          </td>
                        </tr>
                      ) : (
                        <tr key={`comment-${index}`} className="diff-comment-row">
                          <td colSpan={4}>
                            <div className="diff-comment">
                              <span className={`badge badge-category badge-${comment.category}`}>
                                {categoryLabel(comment.category)}
                              </span>
                              <p>{comment.body}</p>
                              {onChange ? (
                                <span className="diff-comment-actions">
                                  <button
                                    type="button"
                                    className="button button-small"
                                    onClick={() => setComposing({ file: comment.file, line: comment.line, index })}
                                  >
                                    Edit
                                  </button>
                                  <button type="button" className="button button-small" onClick={() => remove(index)}>
                                    Delete
                                  </button>
                                </span>
                              ) : null}
                            </div>
                          </td>
                        </tr>
                      ),
                    )}
                    {composingHere ? (
                      <tr className="diff-comment-row">
                        <td colSpan={4}>
                          <CommentForm
                            initial={{
                              file: file.path,
                              line: line.newLine!,
                              category: categories[0] ?? 'correctness',
                              body: '',
                            }}
                            categories={categories}
                            onSave={(next) => save(next, null)}
                            onCancel={() => setComposing(null)}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

function CommentForm({
  initial,
  categories,
  onSave,
  onCancel,
}: {
  initial: ReviewComment;
  categories: readonly string[];
  onSave: (comment: ReviewComment) => void;
  onCancel: () => void;
}) {
  const [category, setCategory] = useState(initial.category);
  const [body, setBody] = useState(initial.body);
  const id = useId();
  return (
    <form
      className="comment-form"
      aria-label={`Comment on line ${initial.line} of ${initial.file}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim()) onSave({ ...initial, category, body: body.trim() });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <div className="comment-form-row">
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} value={category} onChange={(event) => setCategory(event.target.value)}>
          {categories.map((option) => (
            <option key={option} value={option}>
              {categoryLabel(option)}
            </option>
          ))}
        </select>
        <span className="muted small">
          Line {initial.line} of {initial.file}
        </span>
      </div>
      <label htmlFor={`${id}-body`} className="visually-hidden">
        Comment
      </label>
      <textarea
        id={`${id}-body`}
        rows={3}
        maxLength={10_000}
        value={body}
        autoFocus
        placeholder="What is wrong here, and what would you ask the author to change?"
        onChange={(event) => setBody(event.target.value)}
      />
      <div className="comment-form-actions">
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-small button-primary" disabled={!body.trim()}>
          Save comment
        </button>
      </div>
    </form>
  );
}
