/**
 * jsdom has no canvas. This records what panels draw, so tests can assert that bars
 * were drawn (and where) without a browser; the gallery checks real pixels in Chromium.
 */
export interface CanvasCall {
  name: string;
  args: unknown[];
}

const calls = new WeakMap<HTMLCanvasElement, CanvasCall[]>();
const contexts = new WeakMap<HTMLCanvasElement, unknown>();
let original: typeof HTMLCanvasElement.prototype.getContext | undefined;

function recordingContext(canvas: HTMLCanvasElement): unknown {
  const log: CanvasCall[] = [];
  calls.set(canvas, log);
  const state: Record<string, unknown> = {
    font: '10px sans-serif',
    fillStyle: '#000',
    strokeStyle: '#000',
    globalAlpha: 1,
    lineWidth: 1,
  };
  return new Proxy(state, {
    get(target, prop: string) {
      if (prop in target) {
        return target[prop];
      }
      return (...args: unknown[]) => {
        log.push({ name: prop, args });
        if (prop === 'measureText') {
          return { width: String(args[0]).length * 7 };
        }
        return undefined;
      };
    },
    set(target, prop: string, value) {
      target[prop] = value;
      log.push({ name: `set:${prop}`, args: [value] });
      return true;
    },
  });
}

export function installCanvasMock(): void {
  original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function getContext(this: HTMLCanvasElement) {
    if (!contexts.has(this)) {
      contexts.set(this, recordingContext(this));
    }
    return contexts.get(this);
  } as typeof HTMLCanvasElement.prototype.getContext;
}

export function restoreCanvasMock(): void {
  if (original) {
    HTMLCanvasElement.prototype.getContext = original;
  }
}

export function canvasCalls(canvas: Element | null): CanvasCall[] {
  return canvas ? (calls.get(canvas as HTMLCanvasElement) ?? []) : [];
}

/** Forgets what was drawn so far, to see what the next frame draws. */
export function clearCanvasCalls(canvas: Element | null): void {
  canvasCalls(canvas).length = 0;
}
