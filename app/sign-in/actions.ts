"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, TooManyAttempts } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SignInSchema } from "@/lib/auth/credentials";
import { INVALID_CREDENTIALS_MESSAGE, type SignInState, throttledMessage } from "./state";

export async function signInAction(
  _previous: SignInState,
  formData: FormData,
): Promise<SignInState> {
  // A hand-made call without a form: the same answer as empty fields.
  if (!(formData instanceof FormData)) formData = new FormData();
  const email = String(formData.get("email") ?? "");
  const parsed = SignInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    return { email, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  try {
    await signIn("credentials", {
      ...parsed.data,
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof TooManyAttempts)
      return { email, error: throttledMessage(error.retryAfterSeconds) };
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      return { email, error: INVALID_CREDENTIALS_MESSAGE };
    }
    throw error; // includes Next's redirect after a successful sign-in
  }
}
