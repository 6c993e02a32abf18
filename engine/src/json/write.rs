//! JSON text out, compact, escaped as serde_json escapes (`"`, `\`, control characters).

pub struct Writer {
    out: String,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new()
    }
}

impl Writer {
    pub fn new() -> Writer {
        Writer { out: String::new() }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// Text that is already JSON (punctuation, `"key":`).
    pub fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut from = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(&s[from..i]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(HEX[usize::from(b >> 4)] as char);
                self.out.push(HEX[usize::from(b & 0xf)] as char);
            } else {
                self.out.push_str(escape);
            }
            from = i + 1;
        }
        self.out.push_str(&s[from..]);
        self.out.push('"');
    }

    pub fn int(&mut self, n: i64) {
        if n < 0 {
            self.out.push('-');
        }
        self.uint(n.unsigned_abs());
    }

    pub fn uint(&mut self, mut n: u64) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits were written.
        self.out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
    }
}
