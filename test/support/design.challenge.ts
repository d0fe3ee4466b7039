/** A small system-design challenge: two rubric criteria and one estimate, 20% of the score. */
export function designDefinition(markers: { anchor?: string; reasoning?: string; expected?: number } = {}) {
  return {
    manifest: {
      type: 'system-design',
      systemDesign: {
        sections: [{ id: 'requirements', title: 'Requirements', prompt: 'What must it do?' }],
        rubric: {
          criteria: [
            {
              id: 'scope',
              title: 'Scope',
              competency: 'leadership',
              levels: [
                { score: 0, anchor: `Nothing. ${markers.anchor ?? ''}` },
                { score: 3, anchor: 'Everything.' },
              ],
            },
            {
              id: 'scaling',
              title: 'Scaling',
              competency: 'architecture',
              levels: [
                { score: 0, anchor: 'None.' },
                { score: 1, anchor: 'Some.' },
                { score: 2, anchor: 'Sized.' },
              ],
            },
          ],
        },
        estimates: [
          {
            id: 'qps',
            prompt: 'Peak requests per second?',
            unit: 'req/s',
            expected: markers.expected ?? 1200,
            tolerance: { kind: 'relative', within: 0.2 },
            reasoning: markers.reasoning ?? '100 k users x 12 requests / 1000 s.',
          },
        ],
        estimatesShare: 0.2,
      },
    },
  };
}
