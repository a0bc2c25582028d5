import { describe, expect, it } from "vitest";
import { Rating, type Grade } from "ts-fsrs";
import { createReviewCard, deserializeCard, isDue, parseSerializedCard, scheduleReview, serializeCard } from "@/lib/review";

const NOW = new Date("2025-03-01T09:00:00.000Z");
const DAY_MS = 86_400_000;

describe("scheduleReview", () => {
  it("makes a new card graded Good due later than one graded Again", () => {
    const again = scheduleReview({ card: null, rating: Rating.Again, now: NOW });
    const good = scheduleReview({ card: null, rating: Rating.Good, now: NOW });
    expect(new Date(good.due).getTime()).toBeGreaterThan(new Date(again.due).getTime());
    expect(new Date(again.due).getTime()).toBeGreaterThan(NOW.getTime());
  });

  it("orders the four ratings' due dates Again < Hard < Good < Easy on a reviewed card", () => {
    const first = scheduleReview({ card: null, rating: Rating.Good, now: NOW });
    const later = new Date(NOW.getTime() + 2 * DAY_MS);
    const ratings: Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
    const dues = ratings.map((rating) => new Date(scheduleReview({ card: first, rating, now: later }).due).getTime());
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(new Set(dues).size).toBe(4);
  });

  it("grows the interval to days after repeated Good reviews", () => {
    let card = scheduleReview({ card: null, rating: Rating.Good, now: NOW });
    let at = NOW;
    for (let i = 0; i < 3; i += 1) {
      at = new Date(card.due);
      card = scheduleReview({ card, rating: Rating.Good, now: at });
    }
    expect(card.state).toBe("Review");
    expect(new Date(card.due).getTime() - at.getTime()).toBeGreaterThanOrEqual(DAY_MS);
    expect(card.reps).toBe(4);
    expect(card.lastReview).toBe(at.toISOString());
  });

  it("counts a lapse when a review card is graded Again", () => {
    const graduated = scheduleReview({ card: null, rating: Rating.Easy, now: NOW });
    expect(graduated.state).toBe("Review");
    const lapsed = scheduleReview({ card: graduated, rating: Rating.Again, now: new Date(graduated.due) });
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.state).toBe("Relearning");
  });

  it("is deterministic for a fixed now", () => {
    const run = () => scheduleReview({ card: scheduleReview({ card: null, rating: Rating.Hard, now: NOW }), rating: Rating.Good, now: new Date(NOW.getTime() + DAY_MS) });
    expect(run()).toEqual(run());
  });

  it("rejects an invalid now", () => {
    expect(() => scheduleReview({ card: null, rating: Rating.Good, now: new Date("nope") })).toThrow(/valid Date/);
  });
});

describe("serialized cards", () => {
  it("round-trip through JSON and the schema without loss", () => {
    const card = scheduleReview({ card: scheduleReview({ card: null, rating: Rating.Good, now: NOW }), rating: Rating.Easy, now: new Date(NOW.getTime() + DAY_MS) });
    const reread = parseSerializedCard(JSON.parse(JSON.stringify(card)));
    expect(reread).toEqual(card);
    expect(serializeCard(deserializeCard(reread))).toEqual(card);
  });

  it("schedules the same from a re-read card as from the original", () => {
    const card = scheduleReview({ card: null, rating: Rating.Good, now: NOW });
    const reread = parseSerializedCard(JSON.parse(JSON.stringify(card)));
    const at = new Date(NOW.getTime() + 3 * DAY_MS);
    expect(scheduleReview({ card: reread, rating: Rating.Good, now: at })).toEqual(scheduleReview({ card, rating: Rating.Good, now: at }));
  });

  it("stores a new card with a null lastReview and state New", () => {
    const card = createReviewCard(NOW);
    expect(card).toMatchObject({ state: "New", reps: 0, lapses: 0, lastReview: null, due: NOW.toISOString() });
    expect(parseSerializedCard(card)).toEqual(card);
  });

  it("rejects malformed JSON with the bad field named", () => {
    expect(() => parseSerializedCard({ ...createReviewCard(NOW), state: "Done" })).toThrow(/state/);
  });
});

describe("isDue", () => {
  it("is true at and after the due instant, false before", () => {
    const card = scheduleReview({ card: null, rating: Rating.Easy, now: NOW });
    const due = new Date(card.due);
    expect(isDue(card, new Date(due.getTime() - 1))).toBe(false);
    expect(isDue(card, due)).toBe(true);
    expect(isDue(card, new Date(due.getTime() + DAY_MS))).toBe(true);
  });

  it("treats a new card as due immediately", () => {
    expect(isDue(createReviewCard(NOW), NOW)).toBe(true);
  });
});
