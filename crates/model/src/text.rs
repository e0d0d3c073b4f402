//! The two languages and the one bilingual text type. Every label that exists in Chinese and English is a
//! [`Text`], read with [`Text::get`]; nothing else in the code picks between two strings by language.

/// The display language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn zh(self) -> bool {
        self == Lang::Zh
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    /// The short code used in URLs (`lang=`) and page file names: `zh` or `en`.
    pub fn key(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
    pub fn from_code(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh-hans" | "cn" => Some(Lang::Zh),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A label in Chinese and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        Text { zh, en }
    }
    /// The text in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_have_stable_codes_read_leniently_and_swap() {
        assert!(Lang::Zh.zh() && !Lang::En.zh());
        assert_eq!((Lang::Zh.code(), Lang::En.code()), ("zh-CN", "en"));
        assert_eq!((Lang::Zh.key(), Lang::En.key()), ("zh", "en"));
        for c in ["zh", "ZH-CN", " zh-Hans ", "cn"] {
            assert_eq!(Lang::from_code(c), Some(Lang::Zh), "{c}");
        }
        for c in ["en", "EN-US", "en-gb"] {
            assert_eq!(Lang::from_code(c), Some(Lang::En), "{c}");
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!((Lang::Zh.other(), Lang::En.other()), (Lang::En, Lang::Zh));
        assert_eq!(Text::new("中", "en").get(Lang::En), "en");
    }
}
