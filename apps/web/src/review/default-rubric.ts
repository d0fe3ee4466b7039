import type { RubricCriterion } from '../api/api-types.js';

/**
 * The rubric offered when neither the session nor its items bring one: four criteria that fit any
 * backend assessment, each level with an anchor so that two interviewers score alike.
 */
export const DEFAULT_RUBRIC: RubricCriterion[] = [
  {
    id: 'problem-solving',
    title: 'Problem solving',
    description: 'Understanding the problem and reaching a working approach.',
    levels: [
      { score: 1, label: 'Weak', anchor: 'No working approach, or the wrong problem solved.' },
      { score: 2, label: 'Partial', anchor: 'A plausible approach; key cases or constraints missed.' },
      { score: 3, label: 'Solid', anchor: 'Works for the stated cases; minor gaps in edge cases.' },
      { score: 4, label: 'Strong', anchor: 'Complete and well reasoned; edge cases and limits handled deliberately.' },
    ],
  },
  {
    id: 'code-quality',
    title: 'Code quality',
    description: 'Readability, structure, naming and the right level of abstraction.',
    levels: [
      { score: 1, label: 'Weak', anchor: 'Hard to follow; duplication and unclear names.' },
      { score: 2, label: 'Partial', anchor: 'Readable in parts; structure fights the problem.' },
      { score: 3, label: 'Solid', anchor: 'Clear and idiomatic; small things to tidy.' },
      { score: 4, label: 'Strong', anchor: 'Code a team would be glad to maintain.' },
    ],
  },
  {
    id: 'verification',
    title: 'Testing and verification',
    description: 'How the candidate checked their work: samples, own cases, reasoning about failures.',
    levels: [
      { score: 1, label: 'Weak', anchor: 'Submitted without checking.' },
      { score: 2, label: 'Partial', anchor: 'Ran the samples only.' },
      { score: 3, label: 'Solid', anchor: 'Considered edge cases and fixed what failed.' },
      { score: 4, label: 'Strong', anchor: 'Systematic: failure modes found before the tests did.' },
    ],
  },
  {
    id: 'communication',
    title: 'Communication',
    description: 'Written explanations, review comments and trade-offs, for technical and non-technical readers.',
    levels: [
      { score: 1, label: 'Weak', anchor: 'Little or unclear explanation.' },
      { score: 2, label: 'Partial', anchor: 'Explains what, rarely why.' },
      { score: 3, label: 'Solid', anchor: 'Clear reasoning with the main trade-offs.' },
      { score: 4, label: 'Strong', anchor: 'Concise, persuasive, anticipates the reader’s questions.' },
    ],
  },
];
