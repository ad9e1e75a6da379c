"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { signInCredentialsSchema } from "@/lib/auth/sign-in-schema";
import { withoutForbiddenCharacters } from "@/lib/rules/text";

export type LoginState = { error?: "invalid" | "throttled"; username?: string };

export async function signInAction(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = signInCredentialsSchema.safeParse({ username: formData.get("username"), password: formData.get("password") });
  const typed = formData.get("username");
  const username = typeof typed === "string" ? withoutForbiddenCharacters(typed.slice(0, 100)) : "";
  // The same answer for an empty field, an unknown user and a wrong password.
  if (!parsed.success) return { error: "invalid", username };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) {
      const throttled = error instanceof CredentialsSignin && error.code === "throttled";
      return { error: throttled ? "throttled" : "invalid", username };
    }
    throw error; // the redirect after a successful sign-in
  }
  return {};
}
