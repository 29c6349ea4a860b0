/**
 * React 19 resets a form after its action runs, so a refused form would lose what was typed. With
 * JavaScript, these forms submit through `onSubmit` (the form data, submitter included, handed to
 * the action in a transition), which leaves the inputs as they were; without it, `action` still
 * posts the form.
 */
import { type FormEvent, startTransition, useEffect, useRef } from "react";

export function keepValuesOnSubmit(dispatch: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  };
}

/** A ref for a form that starts blank again once its action succeeded (adding one more). */
export function useResetOnSuccess(state: { ok: boolean } | null) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  return ref;
}
