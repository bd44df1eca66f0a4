/**
 * Sending a form or pressing an action button: busy while it runs, and its failure shown where
 * the place shows failures — the form's ErrorNote (`error`), or a danger toast.
 */
import { useRef, useState } from 'preact/hooks';
import { toast } from './ui';

type Options = {
  /** Failures become a danger toast in these words, instead of staying in `error`. */
  toast?: (error: unknown) => string;
  /** After a failure is shown and before busy ends: a conflict reloads what it conflicted with. */
  afterFailure?: (error: unknown) => unknown;
};

/**
 * `run(work, key?)` clears the last error, marks `key` busy, awaits `work` (which ends with its
 * own success: a toast, closing the dialog), and keeps or toasts a failure. It resolves to
 * whether `work` succeeded. `key` tells apart several buttons sharing one hook (`busyWith`).
 * While one runs, another `run` of the same hook does nothing and resolves to false: a double
 * click or a second Enter lands before the re-render disables the button, and must not write twice.
 */
export function useSubmit<K extends string | number = never>(options: Options = {}) {
  const [running, setRunning] = useState<{ key: K | undefined } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  async function run(work: () => Promise<unknown>, key?: K): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    setRunning({ key });
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      if (options.toast) toast(options.toast(e), 'danger');
      else setError(e);
      await options.afterFailure?.(e);
      return false;
    } finally {
      inFlight.current = false;
      setRunning(null);
    }
  }
  return { busy: running !== null, busyWith: (key: K) => running?.key === key, error, setError, run };
}
