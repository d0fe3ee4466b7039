/** The reference workload of the benchmarks: a hash-map twoSum with hidden tests of 1,000 numbers. */
export function twoSumDefinition(hiddenTests = 3, size = 1000): Record<string, unknown> {
  const tests: { raw: Record<string, unknown> }[] = [
    { raw: { name: 'small', sample: true, weight: 1, args: [[2, 7, 11, 15], 9], expected: [0, 1] } },
    { raw: { name: 'negatives', sample: true, weight: 1, args: [[-3, 4, 3, 90], 0], expected: [0, 2] } },
  ];
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let t = 0; t < hiddenTests; t++) {
    // Distinct odd numbers, and an even target made of two of them far apart: one answer only.
    const values = new Set<number>();
    while (values.size < size) values.add(Math.floor(random() * 1e9) * 2 + 1);
    const nums = [...values];
    const a = 20 + Math.floor(random() * (size / 2 - 20));
    const b = size / 2 + Math.floor(random() * (size / 2));
    const target = nums[a] + nums[b];
    tests.push({
      raw: {
        name: `hidden ${t + 1}`,
        sample: false,
        weight: 1,
        args: [nums, target],
        expected: referenceTwoSum(nums, target),
      },
    });
  }
  return {
    manifest: { type: 'coding', harness: { kind: 'function', export: 'twoSum' }, limits: {} },
    tests,
  };
}

function referenceTwoSum(nums: number[], target: number): number[] {
  const seen = new Map<number, number>();
  for (let i = 0; i < nums.length; i++) {
    const j = seen.get(target - nums[i]);
    if (j !== undefined) return [j, i];
    seen.set(nums[i], i);
  }
  return [];
}

export const TWO_SUM_SOLUTION = `export function twoSum(nums, target) {
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    const j = seen.get(target - nums[i]);
    if (j !== undefined) return [j, i];
    seen.set(nums[i], i);
  }
  return [];
}`;

/** Right on the samples, wrong on the large hidden tests (it returns the first pair it scans). */
export const TWO_SUM_WRONG = `export function twoSum(nums, target) {
  for (let i = 0; i < Math.min(nums.length, 10); i++)
    for (let j = i + 1; j < nums.length; j++) if (nums[i] + nums[j] === target) return [i, j];
  return [];
}`;
