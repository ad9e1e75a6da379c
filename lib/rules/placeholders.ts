/**
 * Placeholders shown in empty identifier fields (issue 13): valid in shape and checksum, so they
 * teach the format (SPEC §1), but clearly fictitious — never a demo person's NISS nor a demo
 * enterprise's number, which a user could copy by mistake and act on a real record.
 */

/** A NISS (born 1 January 1990, sequence 001), formatted as typed: 90.01.01-001.23. */
export const NISS_PLACEHOLDER = "90.01.01-001.23";

/** An enterprise number (BCE/KBO) of no demo enterprise, formatted: 0111.111.124. */
export const ENTERPRISE_NUMBER_PLACEHOLDER = "0111.111.124";
