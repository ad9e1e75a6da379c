// French elision of « de » before a name (issue 13): « Connexion d’Ivan », « la demande d’APK Recycling »,
// but « de Danny ». Spelling cannot tell a mute h from an aspirated one: names starting with h elide,
// as usage does for first names (« d’Hélène », « d’Henri »); a rare aspirated-h name then reads « d’ ».
// Messages use it through ICU `select`: `{actorElides, select, yes {d’{actor}} other {de {actor}}}`
// (the typographic apostrophe: an ASCII ' before { is ICU's quoting character and would swallow the name).

const ELIDING_START = /^[aeiouyhàâäéèêëîïôöùûüœæ]/i;

/**
 * Whether French writes « d’ » rather than « de » before `name` (its first letter is a vowel, y or h,
 * accents included). Names starting with a digit or a quotation mark do not elide. Pure.
 */
export function frenchElides(name: string): boolean {
  return ELIDING_START.test(name.trim());
}

/**
 * Adds `<key>Elides: "yes" | "no"` for each named value, for messages that elide « de » in French;
 * other languages ignore the extra values. Returns a new object.
 */
export function withElision<V extends Record<string, string | number>>(values: V, ...keys: (keyof V & string)[]): V & Record<string, string> {
  const extra: Record<string, string> = {};
  for (const key of keys) extra[`${key}Elides`] = frenchElides(String(values[key] ?? "")) ? "yes" : "no";
  return { ...values, ...extra };
}
