//! Escaping for text placed in HTML or XML: element text and double-quoted attribute values.

/// Escapes `&`, `<`, `>` and `"`.
pub fn escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape(r#"a"b<c>&"#), "a&quot;b&lt;c&gt;&amp;");
    }
}
