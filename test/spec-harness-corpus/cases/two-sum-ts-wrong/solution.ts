// Subtly wrong: may pair an element with itself, and reverses the order.
export function twoSum(nums: number[], target: number): [number, number] | null {
  for (let i = 0; i < nums.length; i++) {
    for (let j = 0; j < nums.length; j++) {
      if (nums[i] + nums[j] === target) return [Math.max(i, j), Math.min(i, j)];
    }
  }
  return null;
}
