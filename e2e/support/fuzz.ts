// Generators of hostile form values for the fuzz tests, driven by a seeded PRNG (lib/testing/prng.ts).

const samples = [
  "", " ", "EXP", "EXPVALID01", "exp12345678", "EXP" + "A".repeat(300), "'; drop table accounts; --", "<script>alert(1)</script>",
  "\u0000", "\ud800", "é€😀", "../../etc/passwd", "{\"$ne\":null}", "-1", "0", "1e309", "NaN", "null", "undefined", "true",
  "00000000-0000-0000-0000-000000000000", "not-a-uuid", "+32", "0486531619", "user@example.be", "fr", "xx", "A".repeat(70_000),
  "Secret#12", "ssh-rsa AAAA", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
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
  const names = ["x.cer", "x.pfx", "x", "", "a/b.cer", "é.CER"];
  return new File([bytes], names[Math.floor(rnd() * names.length)]!);
}
