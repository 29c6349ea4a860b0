/** The sign-in form's state, shared by the server action and the form. */
export interface SignInState {
  email?: string;
  /** One message for the whole form (wrong credentials, throttling). */
  error?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
}

/** Deliberately the same for an unknown email, a wrong password and a deactivated account. */
export const INVALID_CREDENTIALS_MESSAGE = "That email and password do not match an account.";

export function throttledMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds < 60) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return `Too many failed sign-in attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  }
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
