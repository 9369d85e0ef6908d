import { afterAll } from 'vitest';

/** Collects what undoes the set-up of the enclosing block's (or file's) tests; it runs after them, newest first. */
export function cleanupAfterAll(): (step: () => unknown) => void {
  const steps: (() => unknown)[] = [];
  afterAll(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return (step) => {
    steps.push(step);
  };
}
