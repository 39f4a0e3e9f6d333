// Shortens the names the Wasm imports its JavaScript glue by: wasm-bindgen names each import after the function and a
// 16-hex-digit hash (`__wbg_set_onerror_d0d22f3fd04b6cdf`) under the module "./<crate>_bg.js", once in the Wasm's
// import section and once in the glue's import object. About 260 of them are incompressible text in both files;
// here each becomes a short name (`a`, `b`, … `9z`) in both, and the module "a". Every name must be found in the glue
// exactly once as a key of the import object, or nothing is changed and the build fails.

function leb(buf, p) {
  let v = 0;
  let shift = 0;
  for (;;) {
    const b = buf[p++];
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [v, p];
  }
}

function uleb(v) {
  const out = [];
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    out.push(b);
  } while (v > 0);
  return Buffer.from(out);
}

function name(buf, p) {
  const [len, q] = leb(buf, p);
  return [buf.subarray(q, q + len).toString('utf8'), q + len];
}

/** The end of an import's description (kind byte and what follows) starting at p. */
function descEnd(buf, p) {
  const kind = buf[p++];
  const limits = (q) => {
    const flags = buf[q++];
    [, q] = leb(buf, q);
    if (flags & 1) [, q] = leb(buf, q);
    return q;
  };
  const valtype = (q) => {
    const t = buf[q++];
    if (t === 0x63 || t === 0x64) [, q] = leb(buf, q);
    return q;
  };
  switch (kind) {
    case 0: return leb(buf, p)[1];
    case 1: return limits(valtype(p));
    case 2: return limits(p);
    case 3: return valtype(p) + 1;
    case 4: return leb(buf, p + 1)[1];
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

const short = (i) => {
  // a … z, then two characters; never a digit first (an identifier in the glue).
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return i < 26 ? letters[i] : letters[Math.floor(i / 26) - 1] + letters[i % 26];
};

/** Returns { wasm, js, count } with the glue module's imports renamed. */
export function shortenImports(wasm, js) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a Wasm module');
  const parts = [wasm.subarray(0, 8)];
  let p = 8;
  const renamed = [];
  let module = null;
  while (p < wasm.length) {
    const id = wasm[p];
    const [size, start] = leb(wasm, p + 1);
    const end = start + size;
    if (id !== 2) {
      parts.push(wasm.subarray(p, end));
      p = end;
      continue;
    }
    let [count, q] = leb(wasm, start);
    const body = [uleb(count)];
    for (let i = 0; i < count; i += 1) {
      const [mod, q1] = name(wasm, q);
      const [field, q2] = name(wasm, q1);
      const q3 = descEnd(wasm, q2);
      let newMod = mod;
      let newField = field;
      if (/_bg\.js$/.test(mod)) {
        if (module && module !== mod) throw new Error(`two glue modules: ${module}, ${mod}`);
        module = mod;
        newMod = 'a';
        newField = short(renamed.length);
        renamed.push([field, newField]);
      }
      for (const s of [newMod, newField]) {
        const b = Buffer.from(s, 'utf8');
        body.push(uleb(b.length), b);
      }
      body.push(wasm.subarray(q2, q3));
      q = q3;
    }
    if (q !== end) throw new Error('import section not read to its end');
    const content = Buffer.concat(body);
    parts.push(Buffer.from([2]), uleb(content.length), content);
    p = end;
  }
  if (!module) throw new Error('no imports from the glue module');
  let out = js;
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [from, to] of renamed) {
    const re = new RegExp(`([{,]\\s*)${esc(from)}(\\s*:)`, 'g');
    const n = (out.match(re) || []).length;
    if (n !== 1) throw new Error(`import ${from} found ${n} times in the glue`);
    out = out.replace(re, `$1${to}$2`);
  }
  const modRe = new RegExp(`(["'])${esc(module)}\\1\\s*:`, 'g');
  if ((out.match(modRe) || []).length !== 1) throw new Error(`module ${module} not found once in the glue`);
  out = out.replace(modRe, '"a":');
  return { wasm: Buffer.concat(parts), js: out, count: renamed.length };
}
