// What the driver reads back: every error the page saw, and facts about the render.
export interface HostResult {
  done: boolean;
  errors: string[];
  notes: string[];
}

const result: HostResult = { done: false, errors: [], notes: [] };
(window as unknown as { __hostResult: HostResult }).__hostResult = result;

export const report = {
  error(message: string) {
    result.errors.push(message);
  },
  /** A request the host answered with an error status. */
  request(message: string) {
    result.errors.push(message);
  },
  note(message: string) {
    result.notes.push(message);
  },
  finish() {
    result.done = true;
  },
  failed: () => result.errors.length > 0,
};

const text = (v: unknown) => (v instanceof Error ? `${v.name}: ${v.message}` : String(v));

// A console error is a failure, as is anything thrown outside React.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  result.errors.push(`console.error: ${args.map(text).join(' ')}`.slice(0, 2000));
  consoleError(...args);
};
window.addEventListener('error', (e) => result.errors.push(`uncaught: ${text(e.error ?? e.message)}`));
window.addEventListener('unhandledrejection', (e) => result.errors.push(`unhandled rejection: ${text(e.reason)}`));
