// Explicit signals for tests that wait on something happening elsewhere (a transport called, a
// loop's run done, a connection held), instead of sleeping and hoping it has happened by then.

export interface Signal<T = void> {
  /** Resolves once `fire` is called, with its value. */
  fired: Promise<T>;
  fire(value: T): void;
}

export function signal<T = void>(): Signal<T> {
  let fire!: (value: T) => void;
  const fired = new Promise<T>((resolve) => {
    fire = resolve;
  });
  return { fired, fire };
}
