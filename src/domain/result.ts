// Expected failures are values with stable codes ("NOMINATION.SELF"); only bugs throw.

export type Result<T, E extends DomainError = DomainError> = { ok: true; value: T } | { ok: false; error: E };

/** An expected failure: `code` is stable for programs, `message` is what the person is told. */
export interface DomainError {
  code: string;
  message: string;
  /** The form field the problem is about, so a modal can show it next to that input. */
  field?: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E extends DomainError>(error: E): Result<never, E> => ({ ok: false, error });
