/** "1 problem", "2 problems", "0 API users": counts in words, never "problem(s)". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
