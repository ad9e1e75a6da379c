"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type LoginState } from "./actions";

export function LoginForm() {
  const t = useTranslations("common.login");
  const [state, formAction, pending] = useActionState<LoginState, FormData>(signInAction, {});
  const inputClass = "mt-1 block w-full rounded border border-slate-400 px-3 py-2 focus:border-brand";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? (
        <p id="login-error" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {t(state.error)}
        </p>
      ) : null}
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          {t("username")}
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          defaultValue={state.username}
          aria-invalid={Boolean(state.error)}
          aria-describedby={state.error ? "login-error" : undefined}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(state.error)}
          aria-describedby={state.error ? "login-error" : undefined}
          className={inputClass}
        />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
