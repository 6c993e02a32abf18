// A wasm binary's sections and LEB128 numbers, for the release build's byte-level steps (scripts/release.mjs drops
// the name section; scripts/short-imports.mjs rewrites the import section).

/** The unsigned LEB128 number at `at`, and where the next field starts. */
export function readUleb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

export function encodeUleb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}

/** Each section after the 8-byte header: its id, and where it starts, where its body starts and where it ends. */
export function* sections(bytes) {
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at];
    const [size, body] = readUleb(bytes, at + 1);
    at = body + size;
    yield { id, start, body, end: at };
  }
}

/** A custom section's (id 0) name. */
export function customName(bytes, section) {
  const [length, at] = readUleb(bytes, section.body);
  return bytes.subarray(at, at + length).toString();
}
