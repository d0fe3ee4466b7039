import { describe, expect, it } from '@jest/globals';
import { DefinitionError } from '../definition/definition-error.js';
import { parseQuiz, type QuizDefinition } from './quiz.definition.js';
import { gradeQuiz as sut, parseQuizAnswers, quizCandidateView, shuffledOptions } from './quiz-grader.js';

const QUIZ = {
  questions: [
    {
      id: 'idempotent-methods',
      kind: 'single',
      prompt: 'Which HTTP method is idempotent?',
      options: [
        { id: 'post', text: 'POST' },
        { id: 'put', text: 'PUT', correct: true },
        { id: 'patch', text: 'PATCH' },
      ],
      explanation: 'PUT replaces the resource: repeating it changes nothing.',
    },
    {
      id: 'cap-choices',
      kind: 'multiple',
      prompt: 'Which stores favour availability under partition by default?',
      points: 3,
      options: [
        { id: 'cassandra', text: 'Cassandra', correct: true },
        { id: 'dynamo', text: 'DynamoDB (eventual reads)', correct: true },
        { id: 'riak', text: 'Riak', correct: true },
        { id: 'zookeeper', text: 'ZooKeeper' },
        { id: 'etcd', text: 'etcd' },
      ],
    },
    {
      id: 'all-above',
      kind: 'single',
      prompt: 'Which are OWASP risks?',
      shuffleOptions: false,
      options: [
        { id: 'injection', text: 'Injection' },
        { id: 'ssrf', text: 'SSRF' },
        { id: 'all', text: 'All of the above', correct: true },
      ],
    },
  ],
};

const quiz = (): QuizDefinition => parseQuiz(structuredClone(QUIZ));

describe('parseQuiz', () => {
  it('reads a quiz with its defaults', () => {
    const parsed = quiz();
    expect(parsed.multipleChoiceScoring).toBe('partial');
    expect(parsed.questions[0]).toMatchObject({
      points: 1,
      shuffleOptions: true,
      options: [
        { id: 'post', correct: false },
        { id: 'put', correct: true },
        { id: 'patch', correct: false },
      ],
    });
  });

  it('names every problem', () => {
    const raw = structuredClone(QUIZ) as { questions: Record<string, unknown>[] };
    (raw.questions[0].options as { correct?: boolean }[])[0].correct = true;
    (raw.questions[1].options as { correct?: boolean }[]).forEach((option) => delete option.correct);
    raw.questions[2].id = 'cap-choices';
    raw.questions[2].options = [{ id: 'x', text: 'only one' }];
    try {
      parseQuiz(raw);
      throw new Error('expected a DefinitionError');
    } catch (error) {
      expect((error as DefinitionError).problems).toEqual([
        {
          path: 'questions[0].options',
          message: 'must mark exactly one option correct for a single-choice question (marked 2)',
        },
        { path: 'questions[1].options', message: 'must mark at least one option correct' },
        { path: 'questions[2].options', message: 'must be a list of 2 to 12 items (got 1)' },
        { path: 'questions[2].id', message: 'repeats the question id "cap-choices"; each question id must be unique' },
      ]);
    }
  });
});

describe('quizCandidateView', () => {
  it('never carries which options are correct, nor the explanation', () => {
    const text = JSON.stringify(quizCandidateView(quiz(), 'session-1'));
    expect(text).not.toMatch(/correct|explanation|replaces the resource/);
  });

  it('shows the same order to the same candidate every time, and other orders to others', () => {
    const first = quizCandidateView(quiz(), 'session-1');
    expect(quizCandidateView(quiz(), 'session-1')).toEqual(first);
    const orders = new Set(
      Array.from({ length: 20 }, (_, index) =>
        quizCandidateView(quiz(), `session-${index}`)
          .questions[1].options.map((option) => option.id)
          .join(','),
      ),
    );
    expect(orders.size).toBeGreaterThan(10);
    for (const question of first.questions) {
      expect(question.options.map((option) => option.id).sort()).toEqual(
        QUIZ.questions
          .find((q) => q.id === question.id)
          ?.options.map((option) => option.id)
          .sort(),
      );
    }
  });

  it('keeps the authored order of a question that asks for it', () => {
    for (const session of ['a', 'b', 'c', 'd']) {
      expect(quizCandidateView(quiz(), session).questions[2].options.map((option) => option.id)).toEqual([
        'injection',
        'ssrf',
        'all',
      ]);
    }
  });

  it('puts each option first about equally often across candidates', () => {
    const options = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    const firsts = new Map<string, number>();
    for (let session = 0; session < 4000; session += 1) {
      const first = shuffledOptions(`s${session}`, 'q', options)[0].id;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const count of firsts.values()) expect(count).toBeGreaterThan(850);
    expect(firsts.size).toBe(4);
  });

  it('keeps the relative order of the other options when one is added', () => {
    const before = shuffledOptions('s', 'q', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]).map((option) => option.id);
    const after = shuffledOptions('s', 'q', [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]).map(
      (option) => option.id,
    );
    expect(after.filter((id) => id !== 'd')).toEqual(before);
  });
});

describe('gradeQuiz', () => {
  it('grades answers by option id, whatever order the candidate saw', () => {
    const grade = sut(quiz(), {
      'idempotent-methods': ['put'],
      'cap-choices': ['riak', 'cassandra', 'dynamo'],
      'all-above': ['all'],
    });
    expect(grade).toMatchObject({ earned: 5, possible: 5, score: 1 });
  });

  it('gives a single-choice question all or nothing', () => {
    expect(sut(quiz(), { 'idempotent-methods': ['post'] }).questions[0]).toMatchObject({
      earned: 0,
      correctOptions: ['put'],
      wrongPicked: 1,
    });
    expect(sut(quiz(), {}).questions[0]).toMatchObject({ earned: 0, picked: [] });
  });

  it.each([
    [['cassandra', 'dynamo', 'riak'], 3],
    [['cassandra', 'dynamo'], 2],
    [['cassandra', 'dynamo', 'riak', 'etcd'], 2],
    [['cassandra', 'dynamo', 'riak', 'etcd', 'zookeeper'], 1],
    [['cassandra', 'etcd', 'zookeeper'], 0],
    [['etcd'], 0],
    [[], 0],
  ])(
    'gives partial credit (right picks - wrong picks) / right options, floored at 0: %j earns %d of 3',
    (picked, earned) => {
      expect(sut(quiz(), { 'cap-choices': picked }).questions[1].earned).toBeCloseTo(earned);
    },
  );

  it('can grade multiple choice all or nothing', () => {
    const strict = { ...quiz(), multipleChoiceScoring: 'all-or-nothing' as const };
    expect(sut(strict, { 'cap-choices': ['cassandra', 'dynamo'] }).questions[1].earned).toBe(0);
    expect(sut(strict, { 'cap-choices': ['cassandra', 'dynamo', 'riak'] }).questions[1].earned).toBe(3);
  });

  it('is not fooled by a question id that names an Object.prototype member', () => {
    const odd = parseQuiz({
      questions: [
        {
          id: 'constructor',
          kind: 'single',
          prompt: '?',
          options: [
            { id: 'a', text: 'a', correct: true },
            { id: 'b', text: 'b' },
          ],
        },
      ],
    });
    expect(sut(odd, {}).earned).toBe(0);
    expect(sut(odd, parseQuizAnswers({ constructor: ['a'] }, odd)).earned).toBe(1);
  });
});

describe('parseQuizAnswers', () => {
  it('refuses unknown questions and options, repeats, and two picks on a single-choice question', () => {
    try {
      parseQuizAnswers(
        {
          'idempotent-methods': ['put', 'post'],
          'cap-choices': ['riak', 'riak', 'mongo'],
          nope: ['x'],
          'all-above': 'all',
        },
        quiz(),
      );
      throw new Error('expected a DefinitionError');
    } catch (error) {
      expect((error as DefinitionError).problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
        'nope: is not a known field; allowed: idempotent-methods, cap-choices, all-above',
        'idempotent-methods: must pick at most one option: it is a single-choice question',
        'cap-choices[2]: must be an option of question cap-choices (cassandra, dynamo, riak, zookeeper, etcd)',
        'cap-choices: must not pick an option twice',
        'all-above: must be a list of at most 3 items (got "all")',
      ]);
    }
  });
});
