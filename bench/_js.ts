import { gzipSync } from "node:zlib";
const origin = "http://127.0.0.1:3301";
const csrf = await fetch(`${origin}/api/auth/csrf`); const { csrfToken } = await csrf.json() as { csrfToken: string };
const jar = new Map<string,string>(); for (const c of csrf.headers.getSetCookie()) { const [p] = c.split(";"); const i = p!.indexOf("="); jar.set(p!.slice(0,i), p!.slice(i+1)); }
const cookie = () => [...jar].map(([k,v]) => `${k}=${v}`).join("; ");
const r = await fetch(`${origin}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() }, body: new URLSearchParams({ csrfToken, username: "claire", password: "demo" }) });
for (const c of r.headers.getSetCookie()) { const [p] = c.split(";"); const i = p!.indexOf("="); jar.set(p!.slice(0,i), p!.slice(i+1)); }
const res = await fetch(`${origin}${process.argv[2] ?? "/"}`, { headers: { cookie: cookie() } });
const html = await res.text();
console.log("status", res.status, "html bytes", html.length, "gz", gzipSync(html).length);
for (const c of res.headers.getSetCookie()) console.log("set-cookie", c.slice(0, 60));
const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].map(m => { console.log(m[0]); return m[1]!; });
let total = 0;
for (const s of srcs) { const b = Buffer.from(await (await fetch(new URL(s, origin))).arrayBuffer()); const gz = gzipSync(b).length; total += gz; console.log(String(b.length).padStart(8), String(gz).padStart(7), s); }
console.log("total gz", total);
const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map(m => m[1]!).join("");
console.log("inline script bytes", inline.length);
