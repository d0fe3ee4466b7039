export const add = (a, b) => a + b;
export const isPalindrome = (word) => word === [...word].reverse().join('');
