import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** « Page introuvable » and the way home; the page around it decides about the app shell. */
export async function NotFoundPanel() {
  const t = await getTranslations("common.errors");
  return (
    <div className="mx-auto mt-12 max-w-xl rounded-lg bg-white p-8 shadow">
      <h1 className="mb-4 text-2xl font-semibold">{t("notFound")}</h1>
      <Link href="/" className="text-brand underline">
        {t("backHome")}
      </Link>
    </div>
  );
}
