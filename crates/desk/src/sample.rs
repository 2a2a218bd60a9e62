//! Realistic sample data for a newcomer: a Shenzhen brand, its Beijing law
//! firm with a power of attorney, accounts on IPP and Amazon, and trademarks
//! in CN, US and EU (plus a Madrid mark and a CN design patent); then sellers
//! on 1688, AliExpress and Taobao and complaints against their listings,
//! pasted in mixed URL forms, with screenshot evidence and a test purchase.

use chrono::{Duration, NaiveDate};
use ippdesk_domain::*;
use ippdesk_store::tables::rights;

use crate::{
    CounterResponseInput, Desk, DeskError, ErrorCode, EvidenceFacts, FileComplaintInput,
    ImportRequest, ImportSource, OutcomeInput, Result, SampleSummary, StatusChangeInput,
};

struct Step3 {
    sellers: u32,
    complaints: u32,
    listings: u32,
    documents: u32,
}

const LICENCE_PNG: &[u8] = include_bytes!("../sample/business-licence.png");
const CN_CERT_PNG: &[u8] = include_bytes!("../sample/cn-trademark-certificate.png");
const SAMPLE_CN_NUMBER: &str = "12345678";
const TAOBAO_SHOT_PNG: &[u8] = include_bytes!("../sample/screenshot-taobao-listing.png");
const OFFER_1688_SHOT_PNG: &[u8] = include_bytes!("../sample/screenshot-1688-offer.png");
const COMPARISON_PNG: &[u8] = include_bytes!("../sample/comparison-earbuds.png");

impl Desk {
    /// Loads the sample once; a second call is refused rather than duplicated.
    pub fn load_sample(&mut self) -> Result<SampleSummary> {
        if rights::find_by_number(&self.store, "CN", SAMPLE_CN_NUMBER)?.is_some() {
            return Err(DeskError::new(
                ErrorCode::Duplicate,
                "The sample data is already loaded.",
            ));
        }
        let today = self.today();
        let days = |n: i64| today + Duration::days(n);
        let date = |s: &str| -> NaiveDate { s.parse().unwrap_or(today) };

        let brand = self.create_holder(HolderDraft {
            kind: HolderKind::Company,
            legal_name: "深圳市极光电子有限公司".into(),
            latin_name: "Shenzhen Aurora Electronics Co., Ltd.".into(),
            country: "CN".into(),
            registration_number: "91440300MA5F3XXX1K".into(),
            address: "深圳市南山区科技园南区 / Nanshan District, Shenzhen".into(),
            contact_email: "ip@aurora-electronics.example".into(),
            notes: "Sample data: the brand owner.".into(),
        })?;
        let founder = self.create_holder(HolderDraft {
            kind: HolderKind::Individual,
            legal_name: "林晓雯".into(),
            latin_name: "LIN Xiaowen".into(),
            country: "CN".into(),
            registration_number: String::new(),
            address: String::new(),
            contact_email: "xiaowen.lin@aurora-electronics.example".into(),
            notes: "Sample data: designer, owns the design patent.".into(),
        })?;
        let firm = self.create_agent(AgentDraft {
            kind: AgentKind::LawFirm,
            name: "北京和信知识产权律师事务所 (Hexin IP Law Firm)".into(),
            country: "CN".into(),
            contact_email: "ipp@hexin-ip.example".into(),
            notes: "Files on Taobao and Tmall for Aurora.".into(),
        })?;
        let poa = self.create_poa(PoaDraft {
            holder_id: brand.id,
            agent_id: firm.id,
            scope: "IPP registration and complaints on all Alibaba platforms / 阿里巴巴知识产权保护平台注册与投诉".into(),
            valid_from: days(-300),
            valid_until: Some(days(65)),
            signatory_title: String::new(),
            notes: "Sealed with the company seal.".into(),
        })?;

        let ipp = self.create_account(AccountDraft {
            holder_id: brand.id,
            programme: Programme::AlibabaIpp,
            role: AccountRole::RightsHolder,
            location: AccountLocation::MainlandChina,
            login_email: "ipp-login@aurora-electronics.example".into(),
            contact_email: "ip@aurora-electronics.example".into(),
            external_id: "IPP-2088-4471".into(),
            agent_id: None,
            poa_id: None,
            notes: String::new(),
        })?;
        for (to, d, note) in [
            (
                AccountStatus::Submitted,
                -280,
                "Business licence with red seal uploaded.",
            ),
            (
                AccountStatus::Rejected,
                -275,
                "Seal not legible on the scan.",
            ),
            (
                AccountStatus::Resubmitted,
                -270,
                "New colour scan uploaded.",
            ),
            (
                AccountStatus::Verified,
                -262,
                "Verified with the first trademark.",
            ),
        ] {
            self.change_account_status(
                ipp.account.id,
                StatusChangeInput {
                    to,
                    on: days(d),
                    note: note.into(),
                },
            )?;
        }
        let agent_acct = self.create_account(AccountDraft {
            holder_id: brand.id,
            programme: Programme::AlibabaIpp,
            role: AccountRole::AuthorizedAgent,
            location: AccountLocation::MainlandChina,
            login_email: "aurora@hexin-ip.example".into(),
            contact_email: "ipp@hexin-ip.example".into(),
            external_id: String::new(),
            agent_id: Some(firm.id),
            poa_id: Some(poa.poa.id),
            notes: String::new(),
        })?;
        self.change_account_status(
            agent_acct.account.id,
            StatusChangeInput {
                to: AccountStatus::Submitted,
                on: days(-5),
                note: "POA uploaded.".into(),
            },
        )?;
        let amazon = self.create_account(AccountDraft {
            holder_id: brand.id,
            programme: Programme::AmazonBrandRegistry,
            role: AccountRole::RightsHolder,
            location: AccountLocation::Elsewhere,
            login_email: "brand-registry@aurora-electronics.example".into(),
            contact_email: "ip@aurora-electronics.example".into(),
            external_id: "BR-AURORA-US".into(),
            agent_id: None,
            poa_id: None,
            notes: String::new(),
        })?;
        self.change_account_status(
            amazon.account.id,
            StatusChangeInput {
                to: AccountStatus::Submitted,
                on: days(-200),
                note: String::new(),
            },
        )?;
        self.change_account_status(
            amazon.account.id,
            StatusChangeInput {
                to: AccountStatus::Verified,
                on: days(-190),
                note: String::new(),
            },
        )?;

        let tm = |title: &str,
                  number: &str,
                  juris: &str,
                  classes: Vec<u8>,
                  reg: &str,
                  expiry: NaiveDate| RightDraft {
            kind: RightKind::Trademark,
            title: title.into(),
            mark_type: Some(MarkType::Combined),
            registration_number: number.into(),
            jurisdiction: juris.into(),
            designations: vec![],
            registrant_id: brand.id,
            nice_classes: classes,
            filing_date: Some(date(reg) - Duration::days(400)),
            registration_date: Some(date(reg)),
            expiry_date: Some(expiry),
            notes: String::new(),
        };
        let cn = self.create_right(tm(
            "极光 AURORA",
            SAMPLE_CN_NUMBER,
            "CN",
            vec![9, 35],
            "2017-03-14",
            days(420),
        ))?;
        let us = self.create_right(RightDraft {
            mark_type: Some(MarkType::Word),
            ..tm("AURORA", "5,123,456", "US", vec![9], "2018-07-03", days(75))
        })?;
        let eu = self.create_right(tm(
            "AURORA",
            "018123456",
            "EU",
            vec![9, 11],
            "2019-11-20",
            days(1100),
        ))?;
        let madrid = self.create_right(RightDraft {
            designations: vec!["CN".into(), "RU".into(), "TR".into()],
            ..tm(
                "AURORA (fig.)",
                "1 456 789",
                "WIPO",
                vec![9],
                "2019-02-11",
                days(20),
            )
        })?;
        let design = self.create_right(RightDraft {
            kind: RightKind::PatentDesign,
            title: "便携式蓝牙音箱 / Portable Bluetooth speaker".into(),
            mark_type: None,
            registration_number: "ZL 2021 3 0123456.7".into(),
            jurisdiction: "CN".into(),
            designations: vec![],
            registrant_id: founder.id,
            nice_classes: vec![],
            filing_date: Some(date("2021-03-02")),
            registration_date: Some(date("2021-08-17")),
            expiry_date: Some(date("2036-03-01")),
            notes: "Patent evaluation report on file.".into(),
        })?;

        let reg = |right: &IpRight, programme, state, reference: &str, submitted: i64| {
            ProgrammeRegistrationDraft {
                right_id: right.id,
                programme,
                state,
                reference: reference.into(),
                submitted_on: Some(days(submitted)),
                decided_on: (state != ProgrammeRightState::Submitted).then(|| days(submitted + 7)),
                notes: String::new(),
            }
        };
        use ProgrammeRightState::*;
        for r in [
            reg(&cn, Programme::AlibabaIpp, Approved, "IPR-CN-778201", -270),
            reg(&us, Programme::AlibabaIpp, Approved, "IPR-US-778202", -260),
            reg(
                &us,
                Programme::AmazonBrandRegistry,
                Approved,
                "BR-5123456",
                -200,
            ),
            reg(&eu, Programme::AlibabaIpp, Submitted, "IPR-EU-901233", -3),
            reg(
                &madrid,
                Programme::AlibabaIpp,
                Rejected,
                "IPR-WO-551002",
                -120,
            ),
            reg(
                &design,
                Programme::AlibabaIpp,
                Approved,
                "IPR-PD-660019",
                -90,
            ),
        ] {
            self.set_registration(r)?;
        }

        self.attach_bytes(
            OwnerKind::Holder,
            brand.id,
            DocumentKind::BusinessRegistration,
            "营业执照-business-licence.png",
            LICENCE_PNG,
        )?;
        self.attach_bytes(
            OwnerKind::Right,
            cn.id,
            DocumentKind::Certificate,
            "商标注册证-12345678.png",
            CN_CERT_PNG,
        )?;

        let step3 = self.load_sample_complaints(ipp.account.id, cn.id, us.id)?;
        Ok(SampleSummary {
            holders: 2,
            agents: 1,
            accounts: 3,
            rights: 5,
            documents: 2 + step3.documents,
            sellers: step3.sellers,
            complaints: step3.complaints,
            listings: step3.listings,
        })
    }
}

impl Desk {
    fn load_sample_complaints(&mut self, ipp: Id, cn_right: Id, us_right: Id) -> Result<Step3> {
        let today = self.today();
        let days = |n: i64| today + Duration::days(n);
        let seller = |platform, name: &str, translation: &str, url: &str| SellerDraft {
            store_name_translation: translation.into(),
            store_url: url.into(),
            ..SellerDraft::named(platform, name)
        };
        let factory = self.create_seller(SellerDraft {
            company_name: "义乌市极光数码配件有限公司".into(),
            location: "浙江 义乌 / Yiwu, Zhejiang".into(),
            phone: "+86 579 8555 0101".into(),
            wechat_id: "jg_shuma".into(),
            years_in_business: Some(2),
            employee_count: Some(12),
            office_size_m2: Some(80),
            factory_size_m2: Some(0),
            rating: Some(3.8),
            notes: "Copies the AURORA box and logo.".into(),
            ..seller(
                Platform::Alibaba1688,
                "义乌市极光数码配件厂",
                "Yiwu Jiguang Digital Accessories Factory",
                "https://jiguangshuma.1688.com",
            )
        })?;
        self.create_seller(SellerDraft {
            company_name: "义乌市极光数码配件 有限公司".into(),
            phone: "0579-85550101".into(),
            years_in_business: Some(1),
            rating: Some(4.1),
            badges: vec!["choice".into()],
            ..seller(
                Platform::AliExpress,
                "Aurora Digital Official Store",
                "",
                "https://www.aliexpress.com/store/1102345678",
            )
        })?;
        self.create_seller(SellerDraft {
            location: "广东 深圳 / Shenzhen".into(),
            years_in_business: Some(5),
            employee_count: Some(80),
            badges: vec![DELIVERY_GUARANTEE.into()],
            rating: Some(4.7),
            ..seller(
                Platform::Taobao,
                "极光耳机专卖店",
                "Aurora Earphones Specialty Store",
                "https://shop123456789.taobao.com",
            )
        })?;

        let draft = |platform, right, reason, en: &str, zh: &str, assignee: &str| ComplaintDraft {
            account_id: ipp,
            platform,
            right_id: right,
            target: ComplaintTarget::Listings,
            reason,
            explanation_en: en.into(),
            explanation_zh: zh.into(),
            external_number: String::new(),
            assignee: assignee.into(),
            notes: String::new(),
        };
        // Filed on Taobao, with outcomes, evidence and a test purchase.
        let taobao = self.create_complaint(draft(
            Platform::Taobao,
            cn_right,
            ComplaintReason::Counterfeit,
            "The listings sell counterfeit AURORA earbuds bearing our registered mark 极光 AURORA (CN 12345678, class 9). A test purchase confirmed the goods are not genuine.",
            "上述链接销售假冒“极光 AURORA”蓝牙耳机，侵犯我司第12345678号注册商标专用权（第9类）。经试买鉴定，商品非正品。",
            "Wang Fang 王芳",
        ))?;
        let paste = "https://item.taobao.com/item.htm?spm=a230r.1.14.16.5f1c&id=712345678901&ns=1\t极光AURORA蓝牙耳机 无线降噪 正品保证\t¥39.00\t极光耳机专卖店\thttps://shop123456789.taobao.com\n\
             h5.m.taobao.com/awp/core/detail.htm?id=712345678902\t极光 AURORA 耳机 原装 特价\t¥45.00\t极光耳机专卖店\thttps://shop123456789.taobao.com\n\
             https://item.taobao.com/item.htm?id=712345678903&spm=x\tAURORA极光运动耳机 挂耳式\t¥29.90\t数码潮品店\n\
             https://item.taobao.com/item.htm?id=712345678901#detail\t(pasted twice)\n\
             https://item.taobao.com/item.htm?id=712345678904\t极光无线耳机 Pro 超长续航\t¥59.00\t数码潮品店\n";
        self.import_listings(
            ImportRequest {
                source: ImportSource::Paste { text: paste.into() },
                complaint_id: Some(taobao.complaint.id),
            },
            true,
            &mut |_| {},
        )?;
        self.file_complaint(
            taobao.complaint.id,
            FileComplaintInput {
                filed_on: days(-20),
                external_number: "IPP-TB-2026-0173".into(),
                // IPP forwarded it the same day.
                seller_notified_on: Some(days(-20)),
            },
        )?;
        let detail = self.get_complaint(taobao.complaint.id)?;
        let ids: Vec<Id> = detail.listings.iter().map(|l| l.listing.id).collect();
        for (range, outcome, on) in [
            (0..2, ListingOutcome::Removed, days(-16)),
            (2..3, ListingOutcome::Rejected, days(-15)),
        ] {
            self.set_listing_outcomes(
                taobao.complaint.id,
                OutcomeInput {
                    listing_ids: ids[range].to_vec(),
                    outcome,
                    on: Some(on),
                },
            )?;
        }
        let captured = |d: i64| Some((days(d).and_hms_opt(3, 14, 0).unwrap_or_default()).and_utc());
        self.attach_evidence_bytes(
            OwnerKind::Listing,
            ids[0],
            DocumentKind::ListingScreenshot,
            "taobao-712345678901.png",
            TAOBAO_SHOT_PNG,
            EvidenceFacts {
                captured_at: captured(-21),
                captured_by: "Wang Fang 王芳".into(),
                source_url: "https://item.taobao.com/item.htm?id=712345678901".into(),
                notes: "Full-page capture before filing.".into(),
            },
        )?;
        self.attach_evidence_bytes(
            OwnerKind::Complaint,
            taobao.complaint.id,
            DocumentKind::Comparison,
            "comparison-genuine-vs-counterfeit.png",
            COMPARISON_PNG,
            EvidenceFacts {
                captured_at: captured(-21),
                captured_by: "Wang Fang 王芳".into(),
                source_url: String::new(),
                notes: "Differences marked in red.".into(),
            },
        )?;
        let purchase = self.create_test_purchase(TestPurchaseDraft {
            complaint_id: Some(taobao.complaint.id),
            listing_id: Some(ids[0]),
            seller_id: None,
            order_number: "3412 8877 1290 5531".into(),
            ordered_on: Some(days(-30)),
            price: "¥39.00".into(),
            what_arrived: "Earbuds in a copied AURORA box; no CCC mark; no serial number. 耳机包装仿冒，无3C标志。".into(),
            appraisal_result: "Counterfeit (brand appraisal report AR-2026-118).".into(),
            notes: String::new(),
        })?;
        self.attach_evidence_bytes(
            OwnerKind::TestPurchase,
            purchase.purchase.id,
            DocumentKind::TestPurchasePhoto,
            "test-purchase-photo.png",
            COMPARISON_PNG,
            EvidenceFacts {
                captured_at: captured(-25),
                captured_by: "Wang Fang 王芳".into(),
                source_url: String::new(),
                notes: "Parcel as received.".into(),
            },
        )?;
        // The seller's counter-notice, and our reply with the appraisal.
        let china_ten = |d: i64| (days(d).and_hms_opt(2, 0, 0).unwrap_or_default()).and_utc();
        let notice = self.record_counter_notice(CounterNoticeDraft {
            complaint_id: taobao.complaint.id,
            round: 1,
            listing_ids: vec![ids[1]],
            received_at: china_ten(-12),
            grounds: CounterGround::AuthorizedReseller,
            statement: "本店为极光品牌授权经销商，所售耳机均从正规渠道进货，附进货发票。We are an authorized reseller; invoices attached.".into(),
            extension_days: 0,
            extension_reason: String::new(),
        })?;
        self.respond_to_counter_notice(
            notice.notice.id,
            CounterResponseInput {
                response_text: "The invoice names a distributor that AURORA has never authorized, and the test purchase (order 3412 8877 1290 5531) was appraised counterfeit (report AR-2026-118). 卖家提供的发票所列经销商从未获得授权；试买商品经鉴定为假冒。".into(),
                responded_at: china_ten(-10),
            },
        )?;
        self.attach_evidence_bytes(
            OwnerKind::CounterNotice,
            notice.notice.id,
            DocumentKind::AppraisalReport,
            "appraisal-AR-2026-118.png",
            COMPARISON_PNG,
            EvidenceFacts {
                captured_at: captured(-11),
                captured_by: "Wang Fang 王芳".into(),
                source_url: String::new(),
                notes: "Brand appraisal of the test purchase.".into(),
            },
        )?;

        // A draft on 1688 against the factory, and a ready one on AliExpress.
        let offer = self.create_complaint(draft(
            Platform::Alibaba1688,
            cn_right,
            ComplaintReason::TrademarkInfringement,
            "Wholesale offers of earbuds using the mark 极光 AURORA without authorization.",
            "批发商品未经授权使用“极光 AURORA”商标。",
            "Li Na 李娜",
        ))?;
        self.import_listings(
            ImportRequest {
                source: ImportSource::Paste {
                    text: "https://detail.1688.com/offer/623456789012.html?spm=a26352.13672862.offerlist.3.7d3c\t极光同款 AURORA 耳机 工厂直销 批发\t¥6.50\t义乌市极光数码配件厂\thttps://jiguangshuma.1688.com\n\
                           m.1688.com/offer/623456789013.html\tAURORA 蓝牙耳机 OEM 定制\t¥7.20\t义乌市极光数码配件厂\thttps://jiguangshuma.1688.com\n\
                           https://detail.1688.com/offer/623456789014.html?sk=consign\t极光 降噪耳机 跨境专供\t¥8.00\t义乌市极光数码配件厂\thttps://jiguangshuma.1688.com\n"
                        .into(),
                },
                complaint_id: Some(offer.complaint.id),
            },
            true,
            &mut |_| {},
        )?;
        let offer_listings = self.get_complaint(offer.complaint.id)?;
        if let Some(first) = offer_listings.listings.first() {
            self.attach_evidence_bytes(
                OwnerKind::Listing,
                first.listing.id,
                DocumentKind::ListingScreenshot,
                "1688-623456789012.png",
                OFFER_1688_SHOT_PNG,
                EvidenceFacts {
                    captured_at: captured(-7),
                    captured_by: "Li Na 李娜".into(),
                    source_url: "https://detail.1688.com/offer/623456789012.html".into(),
                    notes: String::new(),
                },
            )?;
        }
        let ali = self.create_complaint(draft(
            Platform::AliExpress,
            us_right,
            ComplaintReason::TrademarkInfringement,
            "Listings use the AURORA word mark (US 5,123,456) on earbuds we did not make.",
            "",
            "Li Na 李娜",
        ))?;
        self.import_listings(
            ImportRequest {
                source: ImportSource::Paste {
                    text: "https://es.aliexpress.com/item/1005006123456789.html?spm=a2g0o.productlist.main.1&algo_pvid=abc\tAURORA Earbuds TWS Bluetooth 5.3\tUS $7.99\tAurora Digital Official Store\thttps://www.aliexpress.com/store/1102345678\n\
                           https://www.aliexpress.us/item/1005006123456790.html\tAurora Pro ANC earphones\tUS $9.49\tAurora Digital Official Store\thttps://www.aliexpress.com/store/1102345678\n"
                        .into(),
                },
                complaint_id: Some(ali.complaint.id),
            },
            true,
            &mut |_| {},
        )?;
        self.set_complaint_status(ali.complaint.id, ComplaintStatus::Ready)?;
        self.index_search_fully()?;
        let _ = factory;
        Ok(Step3 {
            sellers: 3,
            complaints: 3,
            listings: 9,
            documents: 4,
        })
    }
}
