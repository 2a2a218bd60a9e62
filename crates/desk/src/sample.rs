//! Realistic sample data for a newcomer: a Shenzhen brand, its Beijing law
//! firm with a power of attorney, accounts on IPP and Amazon, and trademarks
//! in CN, US and EU (plus a Madrid mark and a CN design patent).

use chrono::{Duration, NaiveDate};
use ippdesk_domain::*;
use ippdesk_store::tables::rights;

use crate::{Desk, DeskError, ErrorCode, Result, SampleSummary, StatusChangeInput};

const LICENCE_PNG: &[u8] = include_bytes!("../sample/business-licence.png");
const CN_CERT_PNG: &[u8] = include_bytes!("../sample/cn-trademark-certificate.png");
const SAMPLE_CN_NUMBER: &str = "12345678";

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

        Ok(SampleSummary {
            holders: 2,
            agents: 1,
            accounts: 3,
            rights: 5,
            documents: 2,
        })
    }
}
