// A clock tests move by hand: scripted days, periods and digest times without sleeping.
import type { Clock } from "../../src/domain/clock.js";

export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date | string = "2026-03-02T09:00:00Z") {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
