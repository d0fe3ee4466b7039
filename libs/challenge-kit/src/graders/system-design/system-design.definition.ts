import { DefinitionReader, fieldPath } from '../definition/definition-reader.js';
import {
  type CandidateEstimateQuestion,
  estimateCandidateView,
  type ParsedEstimateQuestion,
  readEstimateQuestions,
} from '../estimate/estimate.definition.js';
import { readRubric, type Rubric } from '../rubric/rubric.definition.js';

/** A part of the structured answer. */
export interface DesignSection {
  id: string;
  title: string;
  /** What the section should cover (markdown). */
  prompt: string;
}

/** The parts every design answer has unless a challenge says otherwise. */
export const DEFAULT_DESIGN_SECTIONS: readonly DesignSection[] = [
  {
    id: 'requirements',
    title: 'Requirements',
    prompt: 'Functional and non-functional requirements, with the numbers that drive the design.',
  },
  {
    id: 'api',
    title: 'API',
    prompt: 'The interface clients use: endpoints or messages, with their main fields and errors.',
  },
  {
    id: 'data-model',
    title: 'Data model',
    prompt: 'Entities, storage choices, keys and indexes, and how data is partitioned.',
  },
  {
    id: 'scaling',
    title: 'Scaling',
    prompt: 'How the design grows with load: caching, sharding, queues, and where the bottlenecks are.',
  },
  {
    id: 'failure-modes',
    title: 'Failure modes',
    prompt: 'What fails, how it is detected, and how the system degrades or recovers.',
  },
  { id: 'trade-offs', title: 'Trade-offs', prompt: 'The choices made, the alternatives rejected, and why.' },
];

/** The `systemDesign` section of challenge.yaml. */
export interface SystemDesignDefinition {
  sections: DesignSection[];
  /** Whether the answer may carry a Mermaid diagram. */
  diagram: boolean;
  rubric: Rubric;
  estimates: ParsedEstimateQuestion[];
  /** Share of the challenge's score that the estimates carry (the rubric carries the rest). */
  estimatesShare: number;
}

/** What a candidate sees: the sections to fill and the estimate questions, never the rubric or expected values. */
export interface SystemDesignCandidateView {
  sections: DesignSection[];
  diagram: boolean;
  estimates: CandidateEstimateQuestion[];
}

const ID = {
  minLength: 1,
  maxLength: 60,
  pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  patternHint: 'lowercase words joined by hyphens',
};

export function parseSystemDesign(raw: unknown, subject = 'The systemDesign section'): SystemDesignDefinition {
  const reader = new DefinitionReader(subject);
  const root = reader.object(raw, '', ['sections', 'diagram', 'rubric', 'estimates', 'estimatesShare']);
  const sections =
    root.sections === undefined
      ? [...DEFAULT_DESIGN_SECTIONS]
      : reader.list(root, 'sections', '', { minItems: 1, maxItems: 12 }).map((item, index): DesignSection => {
          const path = fieldPath('sections', index);
          const fields = reader.object(item, path, ['id', 'title', 'prompt']);
          return {
            id: reader.string(fields, 'id', path, ID),
            title: reader.string(fields, 'title', path, { minLength: 1, maxLength: 120 }),
            prompt: reader.string(fields, 'prompt', path, { minLength: 1, maxLength: 5000 }),
          };
        });
  reader.unique(
    sections.map((section, index) => ({ value: section.id, path: fieldPath(fieldPath('sections', index), 'id') })),
    'section id',
  );
  const rubric = readRubric(reader, root, 'rubric', '');
  const estimates = readEstimateQuestions(reader, root, 'estimates', '');
  const estimatesShare =
    reader.optionalNumber(root, 'estimatesShare', '', { min: 0, max: 1 }) ?? (estimates.length > 0 ? 0.2 : 0);
  if (estimates.length === 0 && estimatesShare > 0)
    reader.report('estimatesShare', 'must be 0 when there are no estimates');
  return reader.done({
    sections,
    diagram: reader.boolean(root, 'diagram', '', true),
    rubric,
    estimates,
    estimatesShare,
  });
}

export function systemDesignCandidateView(definition: SystemDesignDefinition): SystemDesignCandidateView {
  return {
    sections: definition.sections,
    diagram: definition.diagram,
    estimates: estimateCandidateView(definition.estimates),
  };
}
