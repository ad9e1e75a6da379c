import "server-only";
import metadata from "libphonenumber-js/max/metadata";
import { listCallingCodes } from "@/lib/rules/phone";

/** One option of the « Indicatif » select: the calling code as value, with the countries it serves. */
export interface CallingCodeOption {
  /** `+32` */
  value: string;
  /** `+32 Belgique`; a code shared by many countries names the main one and two more, then « … » (`+1 États-Unis, Canada, …`). */
  label: string;
}

const SHOWN = 3;

/**
 * The « Indicatif » options in numeric order, each labelled with its country names in `locale`
 * (issue 13: « +32 » alone does not tell a reader which country it is). Country names come from
 * the runtime's CLDR data (Intl.DisplayNames); the country list and each code's main country from
 * libphonenumber-js's metadata (the same data that validates the number, SPEC §2).
 */
export function callingCodeOptions(locale: string): CallingCodeOption[] {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const byCode = metadata.country_calling_codes as Record<string, string[]>;
  return listCallingCodes().map((value) => {
    const [main, ...others] = (byCode[value.slice(1)] ?? []).map((country) => names.of(country) ?? country);
    const countries = main ? [main, ...others.sort((a, b) => a.localeCompare(b, locale))] : [];
    const shown = countries.slice(0, SHOWN).join(", ");
    return { value, label: countries.length > SHOWN ? `${value} ${shown}, …` : `${value} ${shown}`.trim() };
  });
}
