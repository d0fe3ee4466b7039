import { CODE_TYPES } from '../../api/api-types.js';
import { CodeItem, type ItemProps } from './code-item.js';
import { DesignItem } from './design-item.js';
import { QuizItem } from './quiz-item.js';
import { ReviewItem } from './review-item.js';

/** The screen of one item, by its type. */
export function ItemWorkspace(props: ItemProps) {
  const { type } = props.item;
  if (type === 'system-design') return <DesignItem {...props} />;
  if (type === 'code-review') return <ReviewItem {...props} />;
  if (type === 'quiz') return <QuizItem {...props} />;
  if (type === 'sql' || CODE_TYPES.includes(type)) return <CodeItem {...props} />;
  // A type this client does not know yet: a code editor is the most useful fallback.
  return <CodeItem {...props} />;
}
