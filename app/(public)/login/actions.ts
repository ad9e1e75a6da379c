"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";

export type LoginState = { error?: "invalid" | "throttled"; username?: string };

const loginSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export async function signInAction(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse({ username: formData.get("username"), password: formData.get("password") });
  const username = typeof formData.get("username") === "string" ? String(formData.get("username")).slice(0, 100) : "";
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
