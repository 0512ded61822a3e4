// The source of "now" for every rule that depends on time; tests inject a fixed or manual clock.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
