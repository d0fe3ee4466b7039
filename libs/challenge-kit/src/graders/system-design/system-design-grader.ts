import { DefinitionReader } from '../definition/definition-reader.js';
import { type EstimateGrade, gradeEstimates } from '../estimate/estimate-grader.js';
import { type RubricGrade, type RubricRatings, scoreRubric } from '../rubric/rubric-scorer.js';
import type { SystemDesignDefinition } from './system-design.definition.js';

/** A candidate's structured answer: markdown per section, an optional Mermaid diagram, and the estimates as text. */
export interface SystemDesignAnswer {
  sections: Record<string, string>;
  diagram?: string;
  estimates: Record<string, string>;
}

export const MAX_SECTION_LENGTH = 20_000;
export const MAX_DIAGRAM_LENGTH = 20_000;

/** The first keyword of a Mermaid diagram (mermaid.js.org/intro/syntax-reference). */
const MERMAID_START =
  /^(?:%%.*\n\s*)*(?:graph|flowchart|sequenceDiagram|classDiagram|stateDiagram(?:-v2)?|erDiagram|journey|gantt|pie|quadrantChart|requirementDiagram|gitGraph|C4Context|C4Container|C4Component|C4Dynamic|C4Deployment|mindmap|timeline|sankey-beta|xychart-beta|block-beta|architecture-beta|packet-beta)\b/;

/** Reads a candidate's answer (hostile input) against the challenge's sections. */
export function parseSystemDesignAnswer(
  raw: unknown,
  definition: SystemDesignDefinition,
  subject = 'The design answer',
): SystemDesignAnswer {
  const reader = new DefinitionReader(subject);
  const root = reader.object(raw, '', ['sections', 'diagram', 'estimates']);
  const sectionIds = definition.sections.map((section) => section.id);
  const sectionFields = root.sections === undefined ? {} : reader.object(root.sections, 'sections', sectionIds);
  const sections = Object.create(null) as Record<string, string>;
  for (const id of sectionIds) {
    const text = reader.optionalString(sectionFields, id, 'sections', { maxLength: MAX_SECTION_LENGTH });
    if (text !== undefined) sections[id] = text;
  }
  const answer: SystemDesignAnswer = { sections, estimates: Object.create(null) as Record<string, string> };
  const diagram = reader.optionalString(root, 'diagram', '', { maxLength: MAX_DIAGRAM_LENGTH });
  if (diagram !== undefined && diagram.trim() !== '') {
    if (!definition.diagram) reader.report('diagram', 'is not part of this challenge');
    else if (!MERMAID_START.test(diagram.trim()))
      reader.report(
        'diagram',
        'must be a Mermaid diagram starting with its type (flowchart, sequenceDiagram, erDiagram, C4Context, ...)',
      );
    answer.diagram = diagram;
  }
  const estimateIds = definition.estimates.map((question) => question.id);
  const estimateFields = root.estimates === undefined ? {} : reader.object(root.estimates, 'estimates', estimateIds);
  for (const id of estimateIds) {
    const text = reader.optionalString(estimateFields, id, 'estimates', { maxLength: 100 });
    if (text !== undefined) answer.estimates[id] = text;
  }
  return reader.done(answer);
}

export interface SystemDesignGrade {
  /** (1 - estimatesShare) * rubric + estimatesShare * estimates, in [0, 1]; final only when the rubric is complete. */
  score: number;
  final: boolean;
  rubric: RubricGrade;
  estimates: EstimateGrade;
}

/** Combines the interviewers' rubric ratings with the auto-graded estimates. */
export function gradeSystemDesign(
  definition: SystemDesignDefinition,
  ratings: RubricRatings,
  estimateAnswers: Readonly<Record<string, string>>,
): SystemDesignGrade {
  const rubric = scoreRubric(definition.rubric, ratings);
  const estimates = gradeEstimates(definition.estimates, estimateAnswers);
  const share = definition.estimates.length > 0 ? definition.estimatesShare : 0;
  return { score: (1 - share) * rubric.score + share * estimates.score, final: rubric.complete, rubric, estimates };
}
