import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DemoClockBanner } from "@/components/demo-clock-banner";
import { LanguageMenu } from "@/components/language-menu";
import { getActor } from "@/lib/auth/current";
import { signIn } from "@/lib/auth/auth";
import { authErrorKey } from "./auth-error";
import { LoginForm } from "./login-form";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/");
  const t = await getTranslations("common");
  const tError = await getTranslations("auth-errors");
  const authError = authErrorKey((await searchParams).error);
  const oidcName = process.env.AUTH_OIDC_ISSUER ? (process.env.AUTH_OIDC_NAME ?? "OpenID Connect") : null;
  return (
    <>
      {/* Issue 17 QA: a trainer's moved date is said before signing in too (certificate checks use it). */}
      <DemoClockBanner />
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
          <p className="text-lg font-semibold">{t("appTitle")}</p>
          <LanguageMenu />
        </div>
      </header>
      <main id="main" className="mx-auto mt-12 max-w-md rounded-lg bg-white p-8 shadow">
        <h1 className="mb-2 text-2xl font-semibold">{t("login.title")}</h1>
        <p className="mb-6 text-sm text-slate-600">{t("login.intro")}</p>
        {authError ? (
          <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {tError(authError)}
          </p>
        ) : null}
        <LoginForm />
        {oidcName ? (
          <form
            className="mt-4"
            action={async () => {
              "use server";
              await signIn("oidc", { redirectTo: "/" });
            }}
          >
            <button type="submit" className="w-full rounded border border-brand px-4 py-2 font-semibold text-brand">
              {t("login.oidc", { provider: oidcName })}
            </button>
          </form>
        ) : null}
        {process.env.CHAMAN_SEED !== "none" ? <p className="mt-6 text-xs text-slate-600">{t("login.demoHint")}</p> : null}
      </main>
    </>
  );
}
