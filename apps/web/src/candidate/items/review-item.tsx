import { useMemo, useState } from 'react';
import { parseDiffForView } from '../../ui/diff-lines.js';
import { DiffView, type ReviewComment } from '../../ui/diff-view.js';
import { PendingApiNotice } from '../../ui/request-view.js';
import { useItemAutosave } from '../use-item-autosave.js';
import { useSubmissionRunner } from '../use-submission-runner.js';
import type { ItemProps } from './code-item.js';
import { ItemStatement } from './item-statement.js';
import { SaveIndicator } from './save-indicator.js';
import { SubmitBar } from './submit-bar.js';

export const REVIEW_CATEGORIES = ['security', 'correctness', 'performance', 'design', 'testing'] as const;

export function reviewCommentsOf(answer: Record<string, unknown> | undefined): ReviewComment[] {
  const list = answer?.comments;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (entry: unknown): entry is ReviewComment =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as ReviewComment).file === 'string' &&
      typeof (entry as ReviewComment).line === 'number' &&
      typeof (entry as ReviewComment).category === 'string' &&
      typeof (entry as ReviewComment).body === 'string',
  );
}

/** A code-review item: the diff, and the candidate's line comments with a category each. */
export function ReviewItem({ item, actions, live, locked, onStatus, register }: ItemProps) {
  const { autosave, state, start } = useItemAutosave(actions, item, () => onStatus('draft_saved'), register);
  const [comments, setComments] = useState<ReviewComment[]>(() =>
    reviewCommentsOf(start.body && 'answer' in start.body ? start.body.answer : undefined),
  );
  const runner = useSubmissionRunner(actions, live);
  const diff = typeof item.material?.diff === 'string' ? item.material.diff : '';
  const files = useMemo(() => parseDiffForView(diff), [diff]);
  const categories = Array.isArray(item.material?.categories)
    ? (item.material.categories as unknown[]).filter((entry): entry is string => typeof entry === 'string')
    : [...REVIEW_CATEGORIES];

  const change = (next: ReviewComment[]) => {
    setComments(next);
    autosave.update({ answer: { comments: next } });
  };

  return (
    <div className="item-layout item-layout-stacked">
      <ItemStatement item={item} />
      <section className="item-work" aria-label="Your review">
        <div className="editor-toolbar">
          <SaveIndicator state={state} />
          <span className="muted small">
            {comments.length} comment{comments.length === 1 ? '' : 's'}
          </span>
          <span className="toolbar-spacer" />
        </div>
        {files.length > 0 ? (
          <>
            <p className="muted small">
              Press <strong>+</strong> beside a line of the new version to comment on it, and choose what kind of
              problem it is. Comments that point at nothing wrong count against you, a little.
            </p>
            <DiffView
              files={files}
              comments={comments}
              categories={categories}
              onChange={locked ? undefined : change}
            />
          </>
        ) : (
          <PendingApiNotice route="GET /api/v1/candidate/session (review material)" />
        )}
        <SubmitBar
          progress={runner.final}
          disabled={locked || runner.busy}
          note="Your comments are matched with the problems planted in the change."
          onSubmit={() =>
            void runner.send('final', async () => {
              await autosave.flush();
              const accepted = await actions.submit(item.id, { answer: { comments } });
              onStatus('submitted');
              return accepted;
            })
          }
        />
      </section>
    </div>
  );
}
