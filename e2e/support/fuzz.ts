// Generators of hostile form values for the fuzz tests, driven by a seeded PRNG (lib/testing/prng.ts).

const samples = [
  "", " ", "EXP", "EXPVALID01", "exp12345678", "EXP" + "A".repeat(300), "'; drop table accounts; --", "<script>alert(1)</script>",
  "\u0000", "\ud800", "é€😀", "../../etc/passwd", "{\"$ne\":null}", "-1", "0", "1e309", "NaN", "null", "undefined", "true",
  "00000000-0000-0000-0000-000000000000", "not-a-uuid", "+32", "0486531619", "user@example.be", "fr", "xx", "A".repeat(70_000),
  "Secret#12", "ssh-rsa AAAA", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
  // Issue 19: control characters, bidi overrides, lone surrogates and overlong values in any text.
  "APK\u0000Recycling", "\u0000\u0000", "Compte\u001b[31m", "\u007f", "\u0085", "\u202eevil.cer", "name\u2028", "\udfff", "\ufffe",
  "tab\there", "line\r\nbreak", " \u0000 ", "\u0000".repeat(300), "é".repeat(300), "x".repeat(100_000), "EXP\u0000VALID01",
];

export function hostileValue(rnd: () => number): string {
  const base = samples[Math.floor(rnd() * samples.length)]!;
  if (rnd() < 0.3) return base;
  const chars = [...base];
  const cut = Math.floor(rnd() * (chars.length + 1));
  return chars.slice(0, cut).join("") + String.fromCodePoint(Math.floor(rnd() * 0xd7ff)) + chars.slice(cut).join("");
}

export function hostileFile(rnd: () => number): File {
  const size = rnd() < 0.1 ? 70 * 1024 : Math.floor(rnd() * 2048);
  const bytes = new Uint8Array(size).map(() => Math.floor(rnd() * 256));
  const names = ["x.cer", "x.pfx", "x", "", "a/b.cer", "é.CER", "a\u001f.cer", "\u202ecer.exe", `${"n".repeat(300)}.cer`, "\udfff.cer"];
  return new File([bytes], names[Math.floor(rnd() * names.length)]!);
}

/**
 * Issue 19: a multipart body whose part headers are damaged the way an attacker (or a broken client)
 * would: raw NUL or 100 KB file names, header lines without a colon, a missing name, a wrong or absent
 * boundary, a truncated body, non-UTF-8 bytes, thousands of header lines, a percent-encoded NUL file
 * name (RFC 5987 `filename*`, which parses and reaches the action).
 */
export function malformedMultipart(body: Uint8Array, contentType: string, rnd: () => number): { body: Uint8Array; contentType: string; kind: string } {
  const text = Buffer.from(body).toString("latin1");
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1] ?? "";
  const withFile = /filename="[^"]*"/.test(text);
  const mutations: Array<[string, () => [string, string]]> = [
    ["nul-in-name", () => [text.replace(/name="([^"]*)"/, 'name="$1\u0000x"'), contentType]],
    ["huge-header", () => [text.replace(/name="([^"]*)"/, `name="$1${"h".repeat(100_000)}"`), contentType]],
    ["no-colon", () => [text.replace("Content-Disposition:", "Content-Disposition"), contentType]],
    ["no-name", () => [text.replace(/; name="[^"]*"/, ""), contentType]],
    ["wrong-boundary", () => [text, contentType.replace(boundary, `${boundary}x`)]],
    ["no-boundary", () => [text, "multipart/form-data"]],
    ["truncated", () => [text.slice(0, Math.floor(text.length / 2)), contentType]],
    ["not-utf8", () => [text.replace(/name="([^"]*)"/, 'name="$1\xff\xfe"'), contentType]],
    ["many-headers", () => [text.replace("Content-Disposition:", `${"X-A: b\r\n".repeat(3000)}Content-Disposition:`), contentType]],
  ];
  if (withFile) {
    mutations.push(["nul-filename", () => [text.replace(/filename="[^"]*"/, 'filename="a\u0000.cer"'), contentType]]);
    mutations.push(["huge-filename", () => [text.replace(/filename="[^"]*"/, `filename="${"f".repeat(100_000)}.cer"`), contentType]]);
    mutations.push(["encoded-nul-filename", () => [text.replace(/filename="[^"]*"/, "filename*=UTF-8''a%00b.cer"), contentType]]);
  }
  const [kind, mutate] = mutations[Math.floor(rnd() * mutations.length)]!;
  const [mutated, type] = mutate();
  return { body: new Uint8Array(Buffer.from(mutated, "latin1")), contentType: type, kind };
}
