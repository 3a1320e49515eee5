/**
 * Active, idle and blur time for the export's `totalDuration`, `idleDuration` and
 * `blurDuration` (milliseconds, FORMAT.md §2).
 *
 * Every millisecond since the tracker was created (or reset) lands in exactly one bucket:
 * - blur: the page or window does not have focus (between `blur()` and `focus()`);
 * - active: focused, and at most `idleThresholdMs` since the last activity. The threshold
 *   period itself counts as active, as in Ango: someone reading without touching anything
 *   is still working;
 * - idle: focused, and longer than `idleThresholdMs` since the last activity; only the part
 *   beyond the threshold is idle (10 minutes away with a 5 minute threshold: 5 active, 5 idle).
 *
 * Creation, `reset()` and `focus()` count as activity: returning to the window restarts the
 * idle clock. Input seen while blurred (a wheel over a background window) moves the idle
 * clock but stays blur time until `focus()`.
 *
 * No timers: time is attributed whenever the state changes or a snapshot is taken, from the
 * injected clock, so tests are deterministic. A clock that goes backwards adds nothing.
 */

export interface TimeDurations {
  totalDuration: number;
  idleDuration: number;
  blurDuration: number;
}

export interface TimeTrackerOptions {
  /** Milliseconds; default `Date.now`. */
  now?: () => number;
  /** Inactivity after which focused time counts as idle; default 300 000 (5 minutes). */
  idleThresholdMs?: number;
  /** Durations carried over (saved work, or a tracker replaced with another threshold). */
  initial?: TimeDurations;
}

export interface TimeTracker {
  /** User input was seen. */
  activity(): void;
  /** The page lost focus. */
  blur(): void;
  /** The page got focus back. */
  focus(): void;
  /** Durations up to now, whole milliseconds. */
  snapshot(): TimeDurations;
  /** Zero all durations and start counting from now. */
  reset(): void;
}

export const DEFAULT_IDLE_THRESHOLD_MS = 300_000;

export function createTimeTracker(options: TimeTrackerOptions = {}): TimeTracker {
  const now = options.now ?? Date.now;
  const requested = options.idleThresholdMs;
  const threshold = requested === undefined || Number.isNaN(requested) || requested < 0 ? DEFAULT_IDLE_THRESHOLD_MS : requested;

  let active = options.initial?.totalDuration ?? 0;
  let idle = options.initial?.idleDuration ?? 0;
  let blurred = options.initial?.blurDuration ?? 0;
  let focused = true;
  let settledAt = now();
  let lastActivity = settledAt;

  /** Attribute the time from `settledAt` to `at` to its buckets. */
  function settle(at: number): void {
    if (at <= settledAt) {
      // A clock that went backwards: start again from here instead of waiting for it.
      settledAt = at;
      lastActivity = Math.min(lastActivity, at);
      return;
    }
    if (!focused) {
      blurred += at - settledAt;
    } else {
      const idleFrom = Math.max(settledAt, Math.min(at, lastActivity + threshold));
      active += idleFrom - settledAt;
      idle += at - idleFrom;
    }
    settledAt = at;
  }

  return {
    activity() {
      const at = now();
      settle(at);
      lastActivity = at;
    },
    blur() {
      settle(now());
      focused = false;
    },
    focus() {
      const at = now();
      settle(at);
      focused = true;
      lastActivity = at;
    },
    snapshot() {
      settle(now());
      return { totalDuration: Math.round(active), idleDuration: Math.round(idle), blurDuration: Math.round(blurred) };
    },
    reset() {
      active = 0;
      idle = 0;
      blurred = 0;
      settledAt = now();
      lastActivity = settledAt;
    },
  };
}
