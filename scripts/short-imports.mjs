// Short names for the main module's imports from wasm-bindgen's glue (release build only).
//
// wasm-bindgen names each import `__wbg_<function>_<16 hex digits>`: 140 of them, ≈ 1.5 KB brotli in the
// module the first page waits for (the hashes do not compress), and as much again as keys in the glue.
// They are renamed `_0`, `_1`… in both, the way a minifier renames what nothing outside refers to: the
// import object is built by the glue alone, and the chunks import only the main module's memory, table and
// shared functions (never the glue's). Anything unexpected stops the build.
//
//   shortenImports(wasm: Buffer, js: string) → { wasm: Buffer, js: string, renamed: number }

import { encodeUleb, readUleb, sections } from './wasm-sections.mjs';

const HASHED = /^__wb(?:g|indgen)_\w*_[0-9a-f]{16}$/;

export function shortenImports(wasm, js, glueModule) {
  let i = 0;
  const leb = () => {
    const [value, next] = readUleb(wasm, i);
    i = next;
    return value;
  };
  const name = () => {
    const length = leb();
    const text = wasm.subarray(i, i + length).toString('utf8');
    i += length;
    return text;
  };
  const limits = () => {
    const flags = wasm[i++];
    leb();
    if (flags & 1) leb();
  };
  const parts = [wasm.subarray(0, 8)];
  let renamed = 0;
  let out = js;
  for (const section of sections(wasm)) {
    if (section.id !== 2) {
      parts.push(wasm.subarray(section.start, section.end));
      continue;
    }
    i = section.body;
    const entries = [];
    const count = leb();
    for (let n = 0; n < count; n++) {
      const module = name();
      const field = name();
      const descriptor = i;
      const kind = wasm[i++];
      if (kind === 0) leb();
      else if (kind === 1) (i++, limits());
      else if (kind === 2) limits();
      else if (kind === 3) i += 2;
      else if (kind === 4) (i++, leb());
      else throw new Error(`short-imports: import kind ${kind} unknown`);
      let short = field;
      if (module === glueModule && HASHED.test(field)) {
        short = `_${renamed.toString(36)}`;
        const key = new RegExp(`\\b${field}(?=:)`, 'g');
        const uses = out.match(key)?.length ?? 0;
        if (uses !== 1 || out.split(field).length !== 2) {
          throw new Error(`short-imports: ${field} is not named exactly once, as a key, in the glue`);
        }
        out = out.replace(key, short);
        renamed++;
      }
      entries.push([module, short, wasm.subarray(descriptor, i)]);
    }
    if (i !== section.end) throw new Error('short-imports: the import section did not read to its end');
    const bytes = [encodeUleb(entries.length)];
    for (const [module, field, descriptor] of entries) {
      for (const text of [module, field]) {
        const b = Buffer.from(text, 'utf8');
        bytes.push(encodeUleb(b.length), b);
      }
      bytes.push(descriptor);
    }
    const body = Buffer.concat(bytes);
    parts.push(Buffer.from([2]), encodeUleb(body.length), body);
  }
  return { wasm: Buffer.concat(parts), js: out, renamed };
}
