import { describe, expect, it } from 'vitest';
import { scoreAnswers } from './scoring.js';

const QUESTIONS = [
  { options: ['a', 'b', 'c'], correct: 0 },
  { options: ['a', 'b'], correct: 1 },
  { options: ['a', 'b', 'c', 'd'], correct: 3 },
];

describe('scoring a multiple-choice test', () => {
  it.each([
    { answers: [0, 1, 3], score: 3 },
    { answers: [1, 0, 0], score: 0 },
    { answers: [0, 0, 3], score: 2 },
    { answers: [null, 1, null], score: 1 },
    { answers: [null, null, null], score: 0 },
    { answers: [2, 1, 2], score: 1 },
  ])('scores $answers as $score of 3', ({ answers, score }) => {
    expect(scoreAnswers(QUESTIONS, answers)).toEqual({ score, max: 3 });
  });

  it.each([
    { answers: [0, 1], why: 'too few answers' },
    { answers: [0, 1, 3, 0], why: 'too many answers' },
    { answers: [0, 2, 3], why: 'an option the question does not have' },
    { answers: [-1, 1, 3], why: 'a negative option' },
    { answers: [0.5, 1, 3], why: 'a fraction' },
  ])('refuses $why', ({ answers }) => {
    expect(() => scoreAnswers(QUESTIONS, answers)).toThrow(RangeError);
  });
});
