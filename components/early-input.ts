/**
 * What a person typed, picked or ticked before the page's scripts ran.
 *
 * A server-rendered field can be used before React hydrates it (a slow network, a busy phone, a
 * quick hand). React 19 hydrates a controlled field without overwriting what it shows, and without
 * telling the component: the field shows "Bulk" while the state still holds "", so nothing follows
 * from it (no filter, no suggestion, an empty comment on submit) until the next keystroke. The
 * helpers below let a component adopt such values once, right after hydration.
 *
 * How a change is recognised: while hydrating, React sets a field's `defaultValue` /
 * `defaultChecked` to what the component rendered and leaves `value` / `checked` as the browser
 * has them; the server marks the chosen `<option>` `selected`. A field whose current value differs
 * from that default was changed by the person. A field the client rendered itself (no hydration)
 * has value and default equal, or (a select) no default option, so nothing is adopted.
 */
import { type RefObject, useEffect, useEffectEvent, useRef, useSyncExternalStore } from "react";

type ValueField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The value the person gave `field` before hydration, or null when it is as rendered. */
export function typedBeforeHydration(field: ValueField | null): string | null {
  if (!field) return null;
  // A select the client rendered itself marks no option as the default: nothing to compare with.
  const rendered =
    field instanceof HTMLSelectElement
      ? [...field.options].find((option) => option.defaultSelected)?.value
      : field.defaultValue;
  return rendered === undefined || field.value === rendered ? null : field.value;
}

/** Whether the person ticked or cleared the checkbox before hydration; null when as rendered. */
export function checkedBeforeHydration(field: HTMLInputElement | null): boolean | null {
  return field && field.checked !== field.defaultChecked ? field.checked : null;
}

/**
 * Runs `adopt` once, after the component's first commit (for a server-rendered component: right
 * after hydration). `adopt` reads the fields through their refs and sets state from them.
 */
export function useAfterHydration(adopt: () => void): void {
  const run = useEffectEvent(adopt);
  useEffect(() => run(), []);
}

/**
 * A ref for one text field or select whose early value is simply handed to `adopt` (the setter
 * its `onChange` calls).
 */
export function useEarlyValue<E extends ValueField>(
  adopt: (value: string) => void,
): RefObject<E | null> {
  const ref = useRef<E>(null);
  useAfterHydration(() => {
    const value = typedBeforeHydration(ref.current);
    if (value !== null) adopt(value);
  });
  return ref;
}

const noSubscription = () => () => {};

/**
 * False while the server's HTML is all there is (and during hydration), true once the page's
 * scripts run. Buttons that only work with scripts are disabled until then, so a click before
 * that is visibly refused instead of silently lost (or, for a form, sent as a bare page reload).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
