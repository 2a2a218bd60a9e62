//! Marketplaces and the enforcement programmes that cover them, as data.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    AlibabaIpp,
    AmazonBrandRegistry,
    EbayVero,
    Other,
}

impl Programme {
    pub const ALL: [Programme; 4] = [
        Programme::AlibabaIpp,
        Programme::AmazonBrandRegistry,
        Programme::EbayVero,
        Programme::Other,
    ];
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, strum::VariantArray,
)]
pub enum Platform {
    #[serde(rename = "1688")]
    Alibaba1688,
    #[serde(rename = "aliexpress")]
    AliExpress,
    #[serde(rename = "taobao")]
    Taobao,
    #[serde(rename = "tmall")]
    Tmall,
    #[serde(rename = "tmall-global")]
    TmallGlobal,
    #[serde(rename = "alibaba")]
    AlibabaCom,
    #[serde(rename = "lazada")]
    Lazada,
    /// Xianyu (闲鱼), Alibaba's second-hand marketplace, on goofish.com.
    #[serde(rename = "xianyu")]
    Xianyu,
    /// Daraz (South Asia), Alibaba's, on Lazada's software.
    #[serde(rename = "daraz")]
    Daraz,
    #[serde(rename = "amazon")]
    Amazon,
    #[serde(rename = "ebay")]
    Ebay,
    #[serde(rename = "other")]
    Other,
}

/// One row of the platform table: everything the rules need to know.
pub struct PlatformInfo {
    pub platform: Platform,
    pub programme: Programme,
    /// Taobao, Tmall and 1688 accept only rights valid in mainland China.
    pub needs_china_right: bool,
}

pub static PLATFORMS: [PlatformInfo; 12] = {
    use Platform::*;
    use Programme::*;
    const fn p(platform: Platform, programme: Programme, needs_china_right: bool) -> PlatformInfo {
        PlatformInfo {
            platform,
            programme,
            needs_china_right,
        }
    }
    [
        p(Alibaba1688, AlibabaIpp, true),
        p(AliExpress, AlibabaIpp, false),
        p(Taobao, AlibabaIpp, true),
        p(Tmall, AlibabaIpp, true),
        p(TmallGlobal, AlibabaIpp, false),
        p(AlibabaCom, AlibabaIpp, false),
        p(Lazada, AlibabaIpp, false),
        p(Xianyu, AlibabaIpp, true),
        p(Daraz, AlibabaIpp, false),
        p(Amazon, AmazonBrandRegistry, false),
        p(Ebay, EbayVero, false),
        p(Platform::Other, Programme::Other, false),
    ]
};

impl Platform {
    pub const ALL: [Platform; 12] = [
        Platform::Alibaba1688,
        Platform::AliExpress,
        Platform::Taobao,
        Platform::Tmall,
        Platform::TmallGlobal,
        Platform::AlibabaCom,
        Platform::Lazada,
        Platform::Xianyu,
        Platform::Daraz,
        Platform::Amazon,
        Platform::Ebay,
        Platform::Other,
    ];

    /// The stored and serialized name ("1688", "tmall-global", …).
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Alibaba1688 => "1688",
            Platform::AliExpress => "aliexpress",
            Platform::Taobao => "taobao",
            Platform::Tmall => "tmall",
            Platform::TmallGlobal => "tmall-global",
            Platform::AlibabaCom => "alibaba",
            Platform::Lazada => "lazada",
            Platform::Xianyu => "xianyu",
            Platform::Daraz => "daraz",
            Platform::Amazon => "amazon",
            Platform::Ebay => "ebay",
            Platform::Other => "other",
        }
    }

    pub fn info(self) -> &'static PlatformInfo {
        PLATFORMS
            .iter()
            .find(|i| i.platform == self)
            .unwrap_or(&PLATFORMS[PLATFORMS.len() - 1])
    }
    pub fn programme(self) -> Programme {
        self.info().programme
    }
    pub fn needs_china_right(self) -> bool {
        self.info().needs_china_right
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_platform_has_one_row() {
        for info in &PLATFORMS {
            assert!(std::ptr::eq(info.platform.info(), info));
        }
        assert_eq!(Platform::Tmall.programme(), Programme::AlibabaIpp);
        assert!(Platform::Alibaba1688.needs_china_right());
        assert!(!Platform::AliExpress.needs_china_right());
        assert_eq!(Platform::Ebay.programme(), Programme::EbayVero);
        for p in Platform::ALL {
            assert_eq!(
                serde_json::to_value(p).unwrap(),
                p.as_str(),
                "as_str matches serde"
            );
        }
    }
}
