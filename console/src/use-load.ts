// Loads something from the API for a page, with its error and a way to load it again.
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './api.ts';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const stable = useCallback(load, [key]);
  useEffect(() => {
    let current = true;
    stable().then(
      (value) => current && (setData(value), setError(undefined)),
      (failure: unknown) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [stable, generation]);
  return { data, error, reload: () => setGeneration((g) => g + 1) };
}
