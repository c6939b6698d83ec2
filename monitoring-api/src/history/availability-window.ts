// Availability and error ratio over the SLA window, kept as running sums over
// a ring of per-minute records so reads are O(1) whatever the window length.
// Memory: window minutes × 3 × 8 bytes (30 days: ~1 MB).

export class AvailabilityWindow {
  private readonly up: Float64Array;
  private readonly requests: Float64Array;
  private readonly errors: Float64Array;
  private filled = 0;
  private cursor = 0;
  private upSum = 0;
  private requestSum = 0;
  private errorSum = 0;

  constructor(readonly capacityMinutes: number) {
    this.up = new Float64Array(capacityMinutes);
    this.requests = new Float64Array(capacityMinutes);
    this.errors = new Float64Array(capacityMinutes);
  }

  record(wasUp: boolean, requests: number, errors: number): void {
    if (this.filled === this.capacityMinutes) {
      this.upSum -= this.up[this.cursor]!;
      this.requestSum -= this.requests[this.cursor]!;
      this.errorSum -= this.errors[this.cursor]!;
    } else {
      this.filled++;
    }
    this.up[this.cursor] = wasUp ? 1 : 0;
    this.requests[this.cursor] = requests;
    this.errors[this.cursor] = errors;
    this.upSum += wasUp ? 1 : 0;
    this.requestSum += requests;
    this.errorSum += errors;
    this.cursor = (this.cursor + 1) % this.capacityMinutes;
  }

  /** Share of recorded minutes that were up, % (100 before any record). */
  availabilityPercent(): number {
    return this.filled === 0 ? 100 : (100 * this.upSum) / this.filled;
  }

  /** Failed requests over all requests in the window, as a fraction (0-1). */
  errorRatio(): number {
    return this.requestSum === 0 ? 0 : this.errorSum / this.requestSum;
  }
}
