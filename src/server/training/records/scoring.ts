/**
 * The score of a multiple-choice test: one point for each question answered with its correct
 * option; an unanswered question (null) or a wrong one scores nothing. The answers must be as many
 * as the questions and each one of its question's options.
 */
export function scoreAnswers(
  questions: ReadonlyArray<{ options: readonly string[]; correct: number }>,
  answers: ReadonlyArray<number | null>,
): { score: number; max: number } {
  if (answers.length !== questions.length) throw new RangeError(`Expected ${questions.length} answers, got ${answers.length}.`);
  let score = 0;
  answers.forEach((answer, i) => {
    const question = questions[i]!;
    if (answer === null) return;
    if (!Number.isInteger(answer) || answer < 0 || answer >= question.options.length) {
      throw new RangeError(`Answer ${i + 1} is not one of its options.`);
    }
    if (answer === question.correct) score++;
  });
  return { score, max: questions.length };
}
