/** The reference workload lives in @app/testing, where the benchmarks can use it too. */
export { TWO_SUM_SOLUTION, TWO_SUM_WRONG, twoSumDefinition } from '@app/testing';
