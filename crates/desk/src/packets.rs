//! Evidence packets (one per IPP step) and their bundles: the desk gathers a
//! record and its evidence into a `Packet` model, `ippdesk-packet` draws the
//! PDF, and the bundle zips the PDF, every original file and `manifest.json`
//! (the PDF's own hash beside the evidence list, whose hash the PDF prints).
//! `verify_bundle` reads a bundle as hostile input: bounded reads, and entry
//! names checked by the same rule that writes them.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Read as _, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use ippdesk_domain::*;
use ippdesk_packet::{Bilingual, Block, Field, FileEntry, ImageBlock, Packet, PacketKind, Section};
use ippdesk_store::atomic;
use ippdesk_store::tables::{
    accounts, agents, complaints, counter_notices, deadlines, holders, poas,
};
use ippdesk_store::vault::copy_hashing;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::{Desk, DeskError, DocumentView, ErrorCode, Result};

/// Which packet, for which record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PacketFor {
    /// An IPP account: holder, agent, power of attorney, identity documents.
    Registration,
    IpRight,
    Complaint,
    CounterNotice,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PacketRequest {
    pub kind: PacketFor,
    pub id: Id,
    /// Where the PDF goes.
    pub pdf_path: String,
    /// Where the bundle (.zip) goes, if one is wanted.
    pub bundle_path: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PacketResult {
    pub packet_id: String,
    pub pdf_path: String,
    #[ts(type = "number")]
    pub pdf_size: u64,
    pub bundle_path: Option<String>,
    #[ts(type = "number | null")]
    pub bundle_size: Option<u64>,
    pub manifest_sha256: String,
    pub files: u32,
}

/// What `verify` found wrong with one file of a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleProblem {
    pub file: String,
    /// "missing", "changed" or "added".
    pub problem: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BundleReport {
    pub ok: bool,
    /// Compare with the value printed in the PDF.
    pub manifest_sha256: String,
    pub files_checked: u32,
    pub problems: Vec<BundleProblem>,
}

/// One evidence file: where its bytes are, and how the manifest lists it.
struct Evidence {
    doc: DocumentView,
    entry: FileEntry,
}

const MANIFEST: &str = "manifest.json";

fn l(en: &str, zh: &str) -> Bilingual {
    Bilingual::new(en, zh)
}

fn section(en: &str, zh: &str, blocks: Vec<Block>) -> Section {
    Section {
        title: l(en, zh),
        blocks,
    }
}

fn opt_date<T: std::fmt::Display>(d: Option<T>) -> String {
    d.map_or_else(|| "—".to_string(), |d| d.to_string())
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

/// An instant in China Standard Time, as IPP shows it.
fn china(t: DateTime<Utc>) -> String {
    t.with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%d %H:%M (UTC+8)")
        .to_string()
}

fn name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}

impl Desk {
    fn evidence_of(&self, docs: &[DocumentView], names: &mut EntryNames) -> Vec<Evidence> {
        docs.iter()
            .map(|d| Evidence {
                entry: FileEntry {
                    file: names.claim_evidence(&d.original_name),
                    kind: name(&d.doc_kind),
                    sha256: d.sha256.clone(),
                    size: d.size,
                    captured_at: d.captured_at,
                    source_url: d.source_url.clone(),
                },
                doc: d.clone(),
            })
            .collect()
    }

    /// The document's vault file, re-hashed: a packet never vouches for a
    /// file that no longer matches the hash it prints.
    fn intact_bytes(&self, d: &DocumentView) -> Result<Vec<u8>> {
        self.store.vault_read(&d.sha256, d.size).map_err(|problem| {
            self.damaged(
                &d.original_name,
                &d.sha256,
                &problem,
                "no packet was written",
            )
        })
    }

    fn check_intact(&self, d: &DocumentView) -> Result<()> {
        match self.store.vault_problem(&d.sha256, d.size) {
            Some(problem) => Err(self.damaged(
                &d.original_name,
                &d.sha256,
                &problem,
                "no packet was written",
            )),
            None => Ok(()),
        }
    }

    /// The document drawn as an image (PNG, JPEG) or listed as a file.
    fn evidence_block(&self, e: &Evidence) -> Result<Block> {
        let d = &e.doc;
        let mut facts = vec![
            Field::new("File", "文件", e.entry.file.clone()),
            Field::new("SHA-256", "SHA-256 哈希", d.sha256.clone()),
        ];
        if let Some(at) = d.captured_at {
            facts.push(Field::new("Captured at", "截取时间", utc(at)));
        }
        if !d.captured_by.is_empty() {
            facts.push(Field::new("Captured by", "截取人", d.captured_by.clone()));
        }
        if !d.source_url.is_empty() {
            facts.push(Field::new("Source URL", "来源链接", d.source_url.clone()));
        }
        if matches!(d.media_type.as_str(), "image/png" | "image/jpeg") {
            Ok(Block::Image(ImageBlock {
                caption: format!("{} ({})", d.original_name, name(&d.doc_kind)),
                bytes: self.intact_bytes(d)?,
                facts,
            }))
        } else {
            self.check_intact(d)?;
            Ok(Block::FileRef(e.entry.clone()))
        }
    }

    fn evidence_blocks(&self, list: &[Evidence]) -> Result<Vec<Block>> {
        list.iter().map(|e| self.evidence_block(e)).collect()
    }

    fn manifest_section(list: &[Evidence]) -> Section {
        section(
            "Evidence manifest",
            "证据清单",
            vec![Block::Table {
                columns: vec![
                    l("File", "文件"),
                    l("Kind", "类型"),
                    l("Size (bytes)", "大小（字节）"),
                    l("SHA-256", "SHA-256 哈希"),
                ],
                widths: vec![3.0, 1.4, 1.2, 4.4],
                rows: list
                    .iter()
                    .map(|e| {
                        vec![
                            e.entry.file.clone(),
                            e.entry.kind.clone(),
                            e.entry.size.to_string(),
                            e.entry.sha256.clone(),
                        ]
                    })
                    .collect(),
            }],
        )
    }

    fn packet_id(kind: PacketFor, now: DateTime<Utc>) -> String {
        let letter = match kind {
            PacketFor::Registration => 'R',
            PacketFor::IpRight => 'I',
            PacketFor::Complaint => 'C',
            PacketFor::CounterNotice => 'N',
        };
        let tail = new_id().simple().to_string();
        format!(
            "PKT-{letter}-{}-{}",
            now.format("%Y%m%d"),
            tail[tail.len() - 6..].to_uppercase()
        )
    }

    /// The packet model and its evidence files.
    fn packet_model(&self, kind: PacketFor, id: Id) -> Result<(Packet, Vec<Evidence>)> {
        let now = ippdesk_domain::now();
        let mut names = EntryNames::default();
        let mut evidence = Vec::new();
        let (title, subtitle, mut sections) = match kind {
            PacketFor::Registration => self.registration_sections(id, &mut names, &mut evidence)?,
            PacketFor::IpRight => self.right_sections(id, &mut names, &mut evidence)?,
            PacketFor::Complaint => self.complaint_sections(id, &mut names, &mut evidence)?,
            PacketFor::CounterNotice => {
                self.counter_notice_sections(id, &mut names, &mut evidence)?
            }
        };
        sections.push(Self::manifest_section(&evidence));
        Ok((
            Packet {
                kind: match kind {
                    PacketFor::Registration => PacketKind::Registration,
                    PacketFor::IpRight => PacketKind::IpRight,
                    PacketFor::Complaint => PacketKind::Complaint,
                    PacketFor::CounterNotice => PacketKind::CounterNotice,
                },
                packet_id: Self::packet_id(kind, now),
                generated_at: now,
                title,
                subtitle,
                manifest_sha256: None,
                sections,
            },
            evidence,
        ))
    }

    fn registration_sections(
        &self,
        account_id: Id,
        names: &mut EntryNames,
        evidence: &mut Vec<Evidence>,
    ) -> Result<(Bilingual, String, Vec<Section>)> {
        let a = accounts::get(&self.store, account_id)?;
        let h = holders::get(&self.store, a.draft.holder_id)?;
        let hd = &h.draft;
        let mut sections = vec![
            section(
                "Rights holder",
                "权利人",
                vec![Block::Fields(vec![
                    Field::new(
                        "Name (as registered)",
                        "名称（登记）",
                        hd.legal_name.clone(),
                    ),
                    Field::new(
                        "Name (Latin script)",
                        "名称（拉丁字母）",
                        hd.latin_name.clone(),
                    ),
                    Field::new("Kind", "类型", name(&hd.kind)),
                    Field::new("Country", "国家/地区", hd.country.clone()),
                    Field::new(
                        "Registration number",
                        "注册号",
                        hd.registration_number.clone(),
                    ),
                    Field::new("Address", "地址", hd.address.clone()),
                    Field::new("Contact e-mail", "联系邮箱", hd.contact_email.clone()),
                ])],
            ),
            section(
                "Programme account",
                "平台账户",
                vec![Block::Fields(vec![
                    Field::new("Programme", "项目", name(&a.draft.programme)),
                    Field::new("Role", "身份", name(&a.draft.role)),
                    Field::new("Location", "所在地", name(&a.draft.location)),
                    Field::new("Login e-mail", "登录邮箱", a.draft.login_email.clone()),
                    Field::new("Contact e-mail", "联系邮箱", a.draft.contact_email.clone()),
                    Field::new("Account id", "账户编号", a.draft.external_id.clone()),
                    Field::new("Status", "状态", name(&a.status)),
                ])],
            ),
        ];
        let mut docs = self.documents_of(OwnerKind::Holder, h.id)?;
        docs.extend(self.documents_of(OwnerKind::Account, a.id)?);
        if let Some(agent_id) = a.draft.agent_id {
            let ag = agents::get(&self.store, agent_id)?;
            let mut fields = vec![
                Field::new("Agent", "代理人", ag.draft.name.clone()),
                Field::new("Agent kind", "代理人类型", name(&ag.draft.kind)),
                Field::new("Agent country", "代理人国家/地区", ag.draft.country.clone()),
                Field::new("Agent e-mail", "代理人邮箱", ag.draft.contact_email.clone()),
            ];
            docs.extend(self.documents_of(OwnerKind::Agent, ag.id)?);
            if let Some(poa_id) = a.draft.poa_id {
                let p = poas::get(&self.store, poa_id)?;
                fields.extend([
                    Field::new(
                        "Power of attorney: scope",
                        "授权委托书：范围",
                        p.draft.scope.clone(),
                    ),
                    Field::new("Valid from", "生效日期", p.draft.valid_from.to_string()),
                    Field::new(
                        "Valid until",
                        "截止日期",
                        p.draft
                            .valid_until
                            .map_or_else(|| "until revoked / 直至撤销".into(), |d| d.to_string()),
                    ),
                    Field::new(
                        "Signatory's title",
                        "签署人职务",
                        p.draft.signatory_title.clone(),
                    ),
                ]);
                docs.extend(self.documents_of(OwnerKind::Poa, p.id)?);
            }
            sections.push(section(
                "Agent and power of attorney",
                "代理人与授权委托书",
                vec![Block::Fields(fields)],
            ));
        }
        let list = self.evidence_of(&docs, names);
        sections.push(section(
            "Identity documents",
            "身份证明文件",
            self.evidence_blocks(&list)?,
        ));
        evidence.extend(list);
        Ok((
            l("Registration packet", "注册资料包"),
            format!("{} · {}", hd.legal_name, a.draft.login_email),
            sections,
        ))
    }

    fn right_sections(
        &self,
        right_id: Id,
        names: &mut EntryNames,
        evidence: &mut Vec<Evidence>,
    ) -> Result<(Bilingual, String, Vec<Section>)> {
        let detail = self.get_right(right_id)?;
        let r = &detail.row.right.draft;
        let mut sections = vec![section(
            "IP right",
            "知识产权",
            vec![Block::Fields(vec![
                Field::new("Title / mark", "名称/商标", r.title.clone()),
                Field::new("Kind", "类型", name(&r.kind)),
                Field::new(
                    "Mark type",
                    "商标类型",
                    r.mark_type.map(|m| name(&m)).unwrap_or_default(),
                ),
                Field::new(
                    "Registration number",
                    "注册号",
                    r.registration_number.clone(),
                ),
                Field::new("Place of registration", "注册地", r.jurisdiction.clone()),
                Field::new("Designations", "指定国家", r.designations.join(", ")),
                Field::new("Registrant", "注册人", detail.row.registrant_name.clone()),
                Field::new(
                    "Nice classes",
                    "尼斯分类",
                    r.nice_classes
                        .iter()
                        .map(u8::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                Field::new("Filing date", "申请日", opt_date(r.filing_date)),
                Field::new("Registration date", "注册日", opt_date(r.registration_date)),
                Field::new("Expiry date", "有效期至", opt_date(r.expiry_date)),
            ])],
        )];
        sections.push(section(
            "Programme registrations",
            "平台备案",
            vec![Block::Table {
                columns: vec![
                    l("Programme", "项目"),
                    l("State", "状态"),
                    l("Reference", "编号"),
                    l("Decided", "审核日期"),
                ],
                widths: vec![2.0, 1.5, 2.0, 1.5],
                rows: detail
                    .row
                    .registrations
                    .iter()
                    .map(|g| {
                        vec![
                            name(&g.draft.programme),
                            name(&g.draft.state),
                            g.draft.reference.clone(),
                            opt_date(g.draft.decided_on),
                        ]
                    })
                    .collect(),
            }],
        ));
        // The chain of changes (renewals, assignments, changes of registrant),
        // from the audit log: every saved version's dates and registrant.
        let chain: Vec<Vec<String>> = self
            .audit_trail(right_id)?
            .into_iter()
            .filter(|e| e.entity == "right")
            .map(|e| {
                let v = e.after.as_ref().or(e.before.as_ref());
                let get = |k: &str| {
                    v.and_then(|v| v.get(k))
                        .map(|x| x.as_str().map_or_else(|| x.to_string(), String::from))
                        .unwrap_or_default()
                };
                vec![
                    utc(e.at),
                    e.action.clone(),
                    get("expiry_date"),
                    get("registration_number"),
                ]
            })
            .collect();
        sections.push(section(
            "Renewals, assignments and changes",
            "续展、转让与变更记录",
            vec![Block::Table {
                columns: vec![
                    l("Recorded", "记录时间"),
                    l("Change", "变更"),
                    l("Expiry", "有效期至"),
                    l("Number", "注册号"),
                ],
                widths: vec![2.2, 1.2, 1.5, 2.0],
                rows: chain,
            }],
        ));
        let list = self.evidence_of(&detail.documents, names);
        sections.push(section(
            "Certificates and translations",
            "证书与译文",
            self.evidence_blocks(&list)?,
        ));
        evidence.extend(list);
        Ok((
            l("IP right packet", "知识产权资料包"),
            format!("{} · {} {}", r.title, r.jurisdiction, r.registration_number),
            sections,
        ))
    }

    fn complaint_sections(
        &self,
        complaint_id: Id,
        names: &mut EntryNames,
        evidence: &mut Vec<Evidence>,
    ) -> Result<(Bilingual, String, Vec<Section>)> {
        let d = self.get_complaint(complaint_id)?;
        let c = &d.row.complaint;
        let account = accounts::get(&self.store, c.draft.account_id)?;
        let holder = holders::get(&self.store, account.draft.holder_id)?;
        let mut sections = vec![section(
            "Complaint",
            "投诉",
            vec![
                Block::Fields(vec![
                    Field::new("Complainant", "投诉方", holder.draft.legal_name.clone()),
                    Field::new("Programme account", "平台账户", d.row.account_label.clone()),
                    Field::new("IP right", "知识产权", d.row.right_title.clone()),
                    Field::new("Platform", "平台", c.draft.platform.as_str().to_string()),
                    Field::new("Reason", "投诉理由", name(&c.draft.reason)),
                    Field::new("Target", "投诉对象", name(&c.draft.target)),
                    Field::new("Listings", "商品链接数", c.listing_count.to_string()),
                    Field::new(
                        "Complaint number",
                        "投诉编号",
                        c.draft.external_number.clone(),
                    ),
                    Field::new("Filed on", "提交日期", opt_date(c.filed_on)),
                    Field::new("Status", "状态", name(&c.status)),
                ]),
                Block::Text {
                    label: l("Explanation (English)", "补充说明（英文）"),
                    text: c.draft.explanation_en.clone(),
                },
                Block::Text {
                    label: l("Explanation (Chinese)", "补充说明（中文）"),
                    text: c.draft.explanation_zh.clone(),
                },
            ],
        )];
        sections.push(section(
            "Listings",
            "商品链接",
            vec![Block::Table {
                columns: vec![
                    l("#", "序号"),
                    l("Listing URL", "商品链接"),
                    l("Listing id", "商品编号"),
                    l("Seller", "卖家"),
                    l("Outcome", "结果"),
                ],
                widths: vec![0.5, 4.5, 1.6, 2.0, 1.2],
                rows: d
                    .listings
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        vec![
                            (i + 1).to_string(),
                            v.listing.canonical_url.clone(),
                            v.listing.external_id.clone().unwrap_or_default(),
                            v.listing.seller_name.clone(),
                            name(&v.outcome),
                        ]
                    })
                    .collect(),
            }],
        ));
        let mut per_listing = Vec::new();
        for (i, v) in d.listings.iter().enumerate() {
            if v.evidence.is_empty() {
                continue;
            }
            per_listing.push(Block::Subheading(Bilingual::new(
                format!("Listing {} · {}", i + 1, v.listing.canonical_url),
                format!("商品 {} · {}", i + 1, v.listing.title),
            )));
            let list = self.evidence_of(&v.evidence, names);
            per_listing.extend(self.evidence_blocks(&list)?);
            evidence.extend(list);
        }
        if !per_listing.is_empty() {
            sections.push(section("Evidence per listing", "各商品证据", per_listing));
        }
        if !d.evidence.is_empty() {
            let list = self.evidence_of(&d.evidence, names);
            sections.push(section(
                "Comparison and other evidence",
                "对比图及其他证据",
                self.evidence_blocks(&list)?,
            ));
            evidence.extend(list);
        }
        if !d.test_purchases.is_empty() {
            let mut blocks = Vec::new();
            for t in &d.test_purchases {
                let p = &t.purchase.draft;
                blocks.push(Block::Fields(vec![
                    Field::new("Order number", "订单号", p.order_number.clone()),
                    Field::new("Ordered on", "下单日期", opt_date(p.ordered_on)),
                    Field::new("Price", "价格", p.price.clone()),
                    Field::new("What arrived", "收到的商品", p.what_arrived.clone()),
                    Field::new("Appraisal", "鉴定结果", p.appraisal_result.clone()),
                ]));
                let list = self.evidence_of(&t.photos, names);
                blocks.extend(self.evidence_blocks(&list)?);
                evidence.extend(list);
            }
            sections.push(section("Test purchases", "试买", blocks));
        }
        Ok((
            l("Complaint packet", "投诉资料包"),
            d.row.label.clone(),
            sections,
        ))
    }

    fn counter_notice_sections(
        &self,
        notice_id: Id,
        names: &mut EntryNames,
        evidence: &mut Vec<Evidence>,
    ) -> Result<(Bilingual, String, Vec<Section>)> {
        let n = counter_notices::get(&self.store, notice_id)?;
        let c = complaints::get(&self.store, n.draft.complaint_id)?;
        let label = complaints::label_of(&c);
        let listings = complaints::listings_of(&self.store, c.id)?;
        let covered: Vec<Vec<String>> = listings
            .iter()
            .filter(|l| {
                n.draft.listing_ids.is_empty() || n.draft.listing_ids.contains(&l.listing.id)
            })
            .map(|l| {
                vec![
                    l.listing.canonical_url.clone(),
                    l.listing.seller_name.clone(),
                    name(&l.outcome),
                ]
            })
            .collect();
        let mut sections = vec![section(
            "Seller's counter-notice",
            "卖家反通知",
            vec![
                Block::Fields(vec![
                    Field::new("Complaint", "投诉", label.clone()),
                    Field::new("Platform", "平台", c.draft.platform.as_str().to_string()),
                    Field::new("Round", "轮次", n.draft.round.to_string()),
                    Field::new("Received at", "收到时间", china(n.draft.received_at)),
                    Field::new("Grounds", "理由", name(&n.draft.grounds)),
                ]),
                Block::Text {
                    label: l("Seller's statement", "卖家陈述"),
                    text: n.draft.statement.clone(),
                },
                Block::Table {
                    columns: vec![
                        l("Listing URL", "商品链接"),
                        l("Seller", "卖家"),
                        l("Outcome", "结果"),
                    ],
                    widths: vec![5.0, 2.2, 1.3],
                    rows: covered,
                },
            ],
        )];
        sections.push(section(
            "Our response",
            "我方回复",
            vec![
                Block::Fields(vec![Field::new(
                    "Responded at",
                    "回复时间",
                    n.responded_at
                        .map_or_else(|| "not yet / 尚未回复".into(), china),
                )]),
                Block::Text {
                    label: l("Rebuttal", "反驳意见"),
                    text: n.response_text.clone(),
                },
            ],
        ));
        let docs = self.documents_of(OwnerKind::CounterNotice, n.id)?;
        let list = self.evidence_of(&docs, names);
        sections.push(section(
            "Additional evidence",
            "补充证据",
            self.evidence_blocks(&list)?,
        ));
        evidence.extend(list);
        let mut timeline = vec![
            vec![opt_date(c.filed_on), "Complaint filed / 投诉提交".into()],
            vec![
                china(n.draft.received_at),
                format!(
                    "Counter-notice round {} received / 收到第{}轮反通知",
                    n.draft.round, n.draft.round
                ),
            ],
        ];
        for dl in deadlines::of_subject(&self.store, n.id)? {
            timeline.push(vec![
                format!("{} ({})", dl.due_date, dl.time_zone),
                format!(
                    "Due / 截止: {}{}",
                    dl.title,
                    if dl.done_at.is_some() {
                        " — done / 已完成"
                    } else {
                        ""
                    }
                ),
            ]);
        }
        if let Some(t) = n.responded_at {
            timeline.push(vec![china(t), "Our response sent / 我方已回复".into()]);
        }
        if let (Some(dec), Some(on)) = (n.decision, n.decided_on) {
            timeline.push(vec![
                on.to_string(),
                format!("Platform's decision / 平台决定: {}", name(&dec)),
            ]);
        }
        timeline.sort_by(|a, b| a[0].cmp(&b[0]));
        sections.push(section(
            "Timeline and deadlines",
            "时间线与期限",
            vec![Block::Table {
                columns: vec![l("When", "时间"), l("What", "事项")],
                widths: vec![2.0, 5.0],
                rows: timeline,
            }],
        ));
        Ok((
            l("Counter-notice response packet", "反通知答复资料包"),
            format!("{label} · round {} / 第{}轮", n.draft.round, n.draft.round),
            sections,
        ))
    }

    /// Draws the packet's PDF (and, when asked, its bundle) and writes them,
    /// each whole or not at all. Every vault file is re-hashed first: a
    /// damaged one stops the packet, named.
    pub fn generate_packet(&self, req: PacketRequest) -> Result<PacketResult> {
        let (mut packet, evidence) = self.packet_model(req.kind, req.id)?;
        let files: Vec<FileEntry> = evidence.iter().map(|e| e.entry.clone()).collect();
        let manifest_sha256 = evidence_list_sha256(&files)?;
        packet.manifest_sha256 = Some(manifest_sha256.clone());
        let pdf = ippdesk_packet::render(&packet)
            .map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))?;
        atomic::write_bytes(Path::new(&req.pdf_path), &pdf)?;
        let bundle_size = match &req.bundle_path {
            Some(bundle) => {
                let manifest = Manifest {
                    format: MANIFEST_FORMAT,
                    packet: PacketFile {
                        file: pdf_entry_name(Path::new(&req.pdf_path)),
                        sha256: hex_sha256(&pdf),
                        size: pdf.len() as u64,
                        packet_id: packet.packet_id.clone(),
                    },
                    files,
                };
                Some(self.write_bundle(Path::new(bundle), &manifest, &pdf, &evidence)?)
            }
            None => None,
        };
        Ok(PacketResult {
            packet_id: packet.packet_id,
            pdf_path: req.pdf_path,
            pdf_size: pdf.len() as u64,
            bundle_path: req.bundle_path,
            bundle_size,
            manifest_sha256,
            files: evidence.len() as u32,
        })
    }

    /// The bundle: the PDF, manifest.json, then each original, re-hashed
    /// while it is copied. Returns its size.
    fn write_bundle(
        &self,
        path: &Path,
        manifest: &Manifest,
        pdf: &[u8],
        evidence: &[Evidence],
    ) -> Result<u64> {
        let manifest_bytes = serde_json::to_vec_pretty(manifest)
            .map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))?;
        let mut damage = None;
        let written = atomic::write_file(path, |w| {
            let mut zip = zip::ZipWriter::new(w);
            add_entry(&mut zip, &manifest.packet.file, pdf)?;
            add_entry(&mut zip, MANIFEST, &manifest_bytes)?;
            for e in evidence {
                if let Err(problem) = self.copy_original(&mut zip, e)? {
                    damage = Some(self.damaged(
                        &e.doc.original_name,
                        &e.doc.sha256,
                        &problem,
                        "no packet was written",
                    ));
                    return Err(std::io::Error::other(problem));
                }
            }
            zip.finish().map(drop).map_err(std::io::Error::other)
        });
        if let Some(err) = damage {
            return Err(err);
        }
        written?;
        let size = std::fs::metadata(path)
            .map_err(|e| DeskError::new(ErrorCode::Io, format!("{}: {e}", path.display())))?;
        Ok(size.len())
    }

    /// Copies one original into the bundle; the inner `Err` says how the
    /// vault file no longer matches its hash.
    fn copy_original<W: Write + Seek>(
        &self,
        zip: &mut zip::ZipWriter<W>,
        e: &Evidence,
    ) -> std::io::Result<std::result::Result<(), String>> {
        zip.start_file(e.entry.file.as_str(), stored())
            .map_err(std::io::Error::other)?;
        self.store.vault_copy_out(&e.doc.sha256, e.doc.size, zip)
    }
}

fn stored() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored)
}

fn add_entry<W: Write + Seek>(
    zip: &mut zip::ZipWriter<W>,
    name: &str,
    bytes: &[u8],
) -> std::io::Result<()> {
    zip.start_file(name, stored())
        .map_err(std::io::Error::other)?;
    zip.write_all(bytes)
}

fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The hash the PDF prints: the evidence list as pretty JSON. It cannot
/// cover the PDF itself, which prints it; manifest.json lists the PDF beside it.
fn evidence_list_sha256(files: &[FileEntry]) -> Result<String> {
    serde_json::to_vec_pretty(files)
        .map(|bytes| hex_sha256(&bytes))
        .map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))
}

// ---------------------------------------------------------------------------
// Entry names: written and checked by one rule.

/// Where the originals go inside a bundle.
const EVIDENCE_DIR: &str = "evidence/";

/// Originals' names are cut to this many bytes (extension kept), leaving
/// room for a `NN-` prefix under the 255 bytes file systems allow.
const MAX_NAME_BYTES: usize = 200;

/// Why `name` may not name an entry of a bundle, if it may not: unzipped on
/// Windows, macOS or Linux it must stay inside its folder and be one file.
pub(crate) fn entry_name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("unsafe name: empty");
    }
    if name.contains('\\') {
        return Some("unsafe name: backslash");
    }
    if name.starts_with('/') {
        return Some("unsafe name: absolute path");
    }
    if name.contains(':') {
        return Some("unsafe name: drive letter or colon");
    }
    name.split('/').find_map(part_problem)
}

fn part_problem(part: &str) -> Option<&'static str> {
    if part == ".." {
        return Some("unsafe name: parent folder (..)");
    }
    if part.is_empty() || part == "." {
        return Some("unsafe name: empty or '.' folder");
    }
    if part.chars().any(char::is_control) {
        return Some("unsafe name: control character");
    }
    if part
        .chars()
        .any(|c| matches!(c, '<' | '>' | '"' | '|' | '?' | '*'))
    {
        return Some("unsafe name: character Windows refuses");
    }
    if part.ends_with(['.', ' ']) {
        return Some("unsafe name: ends with a dot or space");
    }
    if is_windows_device(part) {
        return Some("unsafe name: reserved on Windows");
    }
    if part.len() > 255 {
        return Some("unsafe name: longer than 255 bytes");
    }
    None
}

/// CON, NUL, COM1… name devices on Windows, with any extension.
fn is_windows_device(part: &str) -> bool {
    let stem = part.split('.').next().unwrap_or(part).trim_end();
    let upper = stem.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (upper.len() == 4
            && (upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.as_bytes()[3].is_ascii_digit()
            && upper.as_bytes()[3] != b'0')
}

/// One file name that passes `entry_name_problem`: separators, colons and
/// other refused characters become `_`, trailing dots and spaces go.
pub(crate) fn safe_file_name(original: &str) -> String {
    let replaced: String = original
        .chars()
        .map(|c| {
            let refused = matches!(c, '/' | '\\' | ':' | '<' | '>' | '"' | '|' | '?' | '*');
            if refused || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = replaced.trim_end_matches(['.', ' ']);
    let mut name = if trimmed.is_empty() {
        "file".to_string()
    } else if is_windows_device(trimmed) {
        format!("_{trimmed}")
    } else {
        trimmed.to_string()
    };
    if name.len() > MAX_NAME_BYTES {
        name = shorten(&name);
    }
    name
}

/// Cuts a long name to `MAX_NAME_BYTES`, keeping a short extension.
fn shorten(name: &str) -> String {
    let ext = match name.rfind('.') {
        Some(i) if name.len() - i <= 16 => &name[i..],
        _ => "",
    };
    let mut cut = MAX_NAME_BYTES - ext.len();
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{ext}", name[..cut].trim_end_matches(['.', ' ']))
}

/// Names compared as a case-insensitive file system (Windows, macOS) does.
fn fold(name: &str) -> String {
    name.to_lowercase()
}

/// The names given out in one bundle, unique even ignoring case.
#[derive(Default)]
pub(crate) struct EntryNames(HashSet<String>);

impl EntryNames {
    /// `evidence/<original>`, made safe, numbered `2-`, `3-`… when taken.
    pub(crate) fn claim_evidence(&mut self, original: &str) -> String {
        let base = safe_file_name(original);
        let mut file = format!("{EVIDENCE_DIR}{base}");
        let mut n = 2;
        while !self.0.insert(fold(&file)) {
            file = format!("{EVIDENCE_DIR}{n}-{base}");
            n += 1;
        }
        file
    }
}

/// The PDF's name at the bundle's root.
fn pdf_entry_name(pdf_path: &Path) -> String {
    let name = pdf_path
        .file_name()
        .map(|n| safe_file_name(&n.to_string_lossy()))
        .unwrap_or_default();
    if name.is_empty() || fold(&name) == MANIFEST {
        "packet.pdf".into()
    } else {
        name
    }
}

// ---------------------------------------------------------------------------
// manifest.json

/// manifest.json from format 2: the PDF beside the evidence list. Format 1
/// (earlier bundles) was the bare evidence list; verify reads both.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    packet: PacketFile,
    files: Vec<FileEntry>,
}

const MANIFEST_FORMAT: u32 = 2;

/// The packet PDF inside the bundle.
#[derive(Debug, Serialize, Deserialize)]
struct PacketFile {
    file: String,
    sha256: String,
    size: u64,
    #[serde(default)]
    packet_id: String,
}

/// What verify expects: the PDF (format 2) and the evidence, and the hash
/// the PDF prints.
struct Expected {
    packet: Option<PacketFile>,
    files: Vec<FileEntry>,
    list_sha256: String,
}

fn parse_manifest(bytes: &[u8]) -> std::result::Result<Expected, String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if value.is_array() {
        // Format 1: the PDF printed the hash of manifest.json itself.
        let files = serde_json::from_value(value).map_err(|e| e.to_string())?;
        return Ok(Expected {
            packet: None,
            files,
            list_sha256: hex_sha256(bytes),
        });
    }
    let m: Manifest = serde_json::from_value(value).map_err(|e| e.to_string())?;
    if m.format != MANIFEST_FORMAT {
        return Err(format!(
            "manifest format {} is not one this version reads (1 or 2)",
            m.format
        ));
    }
    let list_sha256 = evidence_list_sha256(&m.files).map_err(|e| e.message)?;
    Ok(Expected {
        packet: Some(m.packet),
        files: m.files,
        list_sha256,
    })
}

// ---------------------------------------------------------------------------
// verify

/// Bounds on what `verify_bundle` reads: a hostile zip (a bomb, a million
/// entries) costs bounded time and memory. Sizes count decompressed bytes
/// actually read; declared sizes are not trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundleLimits {
    pub max_entries: usize,
    pub max_entry_bytes: u64,
    pub max_total_bytes: u64,
    pub max_manifest_bytes: u64,
}

impl BundleLimits {
    /// Far above a real packet (tens of files, marketplace uploads of a few
    /// MB each), far below what would exhaust a desktop.
    pub const DEFAULT: BundleLimits = BundleLimits {
        max_entries: 10_000,
        max_entry_bytes: 2 << 30,
        max_total_bytes: 8 << 30,
        max_manifest_bytes: 16 << 20,
    };
}

type Archive = zip::ZipArchive<BufReader<std::fs::File>>;

/// What reading one entry gave.
enum Read {
    Hashed(String, u64),
    TooLarge,
    Unreadable(String),
}

/// The entries of an opened bundle, indexed by name, and the names refused.
struct Entries {
    by_name: HashMap<String, usize>,
    /// Entries already reported (unsafe or repeated names): not checked or
    /// reported again.
    flagged: HashSet<String>,
    dirs: HashSet<String>,
}

/// Checks a bundle against its manifest: the PDF and every listed file
/// present with its SHA-256 and size, nothing else but the manifest, and
/// every name safe to unzip. Needs no database.
pub fn verify_bundle(path: &Path) -> Result<BundleReport> {
    verify_bundle_within(path, BundleLimits::DEFAULT)
}

/// [`verify_bundle`] with explicit bounds.
pub fn verify_bundle_within(path: &Path, limits: BundleLimits) -> Result<BundleReport> {
    let bad = |e: &dyn std::fmt::Display| {
        DeskError::new(
            ErrorCode::Validation,
            format!("{} is not a readable bundle: {e}", path.display()),
        )
    };
    let file = std::fs::File::open(path).map_err(|e| bad(&e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| bad(&e))?;
    if zip.len() > limits.max_entries {
        return Err(bad(&format!(
            "it holds {} entries, more than the {} a bundle may hold",
            zip.len(),
            limits.max_entries
        )));
    }
    let repeated = repeated_names(path, zip.central_directory_start(), limits.max_entries)
        .map_err(|e| bad(&e))?;
    let mut problems = Vec::new();
    let entries = index_entries(&zip, &repeated, &mut problems);
    if entries.flagged.contains(MANIFEST) {
        return Err(bad(&"manifest.json is not the only entry of that name"));
    }
    let mut budget = limits.max_total_bytes;
    let manifest = read_manifest(&mut zip, &entries, limits, &mut budget).map_err(|e| bad(&e))?;
    let expected = parse_manifest(&manifest).map_err(|e| bad(&format!("manifest.json: {e}")))?;

    let mut listed = EntryNames::default();
    let mut listed_exact = HashSet::new();
    let wanted = expected
        .packet
        .iter()
        .map(|p| (p.file.as_str(), p.sha256.as_str(), p.size))
        .chain(
            expected
                .files
                .iter()
                .map(|f| (f.file.as_str(), f.sha256.as_str(), f.size)),
        );
    for (file, sha256, size) in wanted {
        listed_exact.insert(file.to_string());
        let problem = if let Some(p) = entry_name_problem(file) {
            Some(format!("{p} (in the manifest)"))
        } else if !listed.0.insert(fold(file)) {
            Some("listed twice in the manifest".into())
        } else if entries.flagged.contains(file) {
            None
        } else {
            check_listed(&mut zip, &entries, file, sha256, size, limits, &mut budget)
                .map_err(|e| bad(&e))?
        };
        if let Some(problem) = problem {
            problems.push(BundleProblem {
                file: file.to_string(),
                problem,
            });
        }
    }
    problems.extend(unlisted(
        &zip,
        &entries,
        &listed_exact,
        expected.packet.is_none(),
    ));
    Ok(BundleReport {
        ok: problems.is_empty(),
        manifest_sha256: expected.list_sha256,
        files_checked: expected.files.len() as u32,
        problems,
    })
}

/// Indexes entries by name; reports unsafe names and names repeated, exactly
/// or in another case.
fn index_entries(
    zip: &Archive,
    repeated: &[(String, usize)],
    problems: &mut Vec<BundleProblem>,
) -> Entries {
    let mut entries = Entries {
        by_name: HashMap::new(),
        flagged: HashSet::new(),
        dirs: HashSet::new(),
    };
    let mut flag = |entries: &mut Entries, name: &str, problem: String| {
        entries.flagged.insert(name.to_string());
        problems.push(BundleProblem {
            file: name.to_string(),
            problem,
        });
    };
    for (name, times) in repeated {
        flag(
            &mut entries,
            name,
            format!("duplicate name: the bundle holds it {times} times"),
        );
    }
    let mut first_of: HashMap<String, String> = HashMap::new();
    for (i, name) in zip.file_names().enumerate() {
        let (path, is_dir) = match name.strip_suffix('/') {
            Some(dir) => (dir, true),
            None => (name, false),
        };
        if entries.flagged.contains(name) {
            continue;
        }
        if let Some(p) = entry_name_problem(path) {
            flag(&mut entries, name, p.to_string());
            continue;
        }
        match first_of.get(&fold(path)) {
            Some(first) => {
                let problem = format!("duplicate name: differs only in case from {first}");
                flag(&mut entries, name, problem);
            }
            None => {
                first_of.insert(fold(path), name.to_string());
                if is_dir {
                    entries.dirs.insert(name.to_string());
                }
                entries.by_name.insert(name.to_string(), i);
            }
        }
    }
    entries
}

fn read_manifest(
    zip: &mut Archive,
    entries: &Entries,
    limits: BundleLimits,
    budget: &mut u64,
) -> std::result::Result<Vec<u8>, String> {
    let index = *entries
        .by_name
        .get(MANIFEST)
        .ok_or("manifest.json is missing")?;
    let mut f = zip.by_index(index).map_err(|e| e.to_string())?;
    let cap = limits.max_manifest_bytes.min(*budget);
    let mut bytes = Vec::new();
    (&mut f)
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("manifest.json: {e}"))?;
    if bytes.len() as u64 > cap {
        return Err(format!(
            "manifest.json is larger than {} bytes",
            limits.max_manifest_bytes
        ));
    }
    *budget -= bytes.len() as u64;
    Ok(bytes)
}

/// The problem with one listed entry, if any. Reading past the total budget
/// ends the whole check.
fn check_listed(
    zip: &mut Archive,
    entries: &Entries,
    file: &str,
    sha256: &str,
    size: u64,
    limits: BundleLimits,
    budget: &mut u64,
) -> std::result::Result<Option<String>, String> {
    let Some(&index) = entries.by_name.get(file) else {
        return Ok(Some("missing".into()));
    };
    Ok(match hash_entry(zip, index, limits, budget)? {
        Read::Hashed(actual, actual_size) if actual == sha256 && actual_size == size => None,
        Read::Hashed(..) => Some("changed".into()),
        Read::TooLarge => Some(format!(
            "too large: over the {} bytes a file may hold",
            limits.max_entry_bytes
        )),
        Read::Unreadable(e) => Some(format!("unreadable: {e}")),
    })
}

/// Hashes one entry, reading at most the per-entry limit (plus one byte, to
/// tell "at the limit" from "over it") whatever its header declares.
fn hash_entry(
    zip: &mut Archive,
    index: usize,
    limits: BundleLimits,
    budget: &mut u64,
) -> std::result::Result<Read, String> {
    let mut f = match zip.by_index(index) {
        Ok(f) => f,
        Err(e) => return Ok(Read::Unreadable(e.to_string())),
    };
    if f.size() > limits.max_entry_bytes {
        return Ok(Read::TooLarge);
    }
    let cap = limits.max_entry_bytes.min(*budget);
    let (sha256, read) =
        match copy_hashing((&mut f).take(cap.saturating_add(1)), &mut std::io::sink()) {
            Ok(hashed) => hashed,
            Err(e) => return Ok(Read::Unreadable(e.to_string())),
        };
    if read > limits.max_entry_bytes {
        return Ok(Read::TooLarge);
    }
    if read > *budget {
        return Err(format!(
            "it holds more than {} bytes in all; verify stopped reading",
            limits.max_total_bytes
        ));
    }
    *budget -= read;
    Ok(Read::Hashed(sha256, read))
}

/// Entries the manifest does not list: "added". A format 1 bundle may hold
/// one PDF at its root, which its manifest did not list.
fn unlisted(
    zip: &Archive,
    entries: &Entries,
    listed: &HashSet<String>,
    legacy: bool,
) -> Vec<BundleProblem> {
    let mut pdfs = 0;
    let mut problems = Vec::new();
    for name in zip.file_names() {
        let known = name == MANIFEST
            || entries.flagged.contains(name)
            || entries.dirs.contains(name)
            || listed.contains(name);
        if known {
            continue;
        }
        if legacy && pdfs == 0 && !name.contains('/') && fold(name).ends_with(".pdf") {
            pdfs += 1;
            continue;
        }
        problems.push(BundleProblem {
            file: name.to_string(),
            problem: "added".into(),
        });
    }
    problems
}

/// Names the central directory holds more than once, with how many times.
/// The zip crate keeps one entry per name, so its list cannot show them;
/// another unzip tool may extract the copy verify did not check.
fn repeated_names(
    path: &Path,
    dir_start: u64,
    max_entries: usize,
) -> std::io::Result<Vec<(String, usize)>> {
    let mut r = BufReader::new(std::fs::File::open(path)?);
    r.seek(SeekFrom::Start(dir_start))?;
    let mut counts: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut order = Vec::new();
    for _ in 0..=max_entries {
        let mut head = [0u8; 46];
        if r.read_exact(&mut head).is_err() || head[..4] != *b"PK\x01\x02" {
            break;
        }
        let le = |i: usize| usize::from(u16::from_le_bytes([head[i], head[i + 1]]));
        let mut name = vec![0u8; le(28)];
        r.read_exact(&mut name)?;
        r.seek_relative((le(30) + le(32)) as i64)?;
        let count = counts.entry(name.clone()).or_insert(0);
        if *count == 0 {
            order.push(name);
        }
        *count += 1;
    }
    Ok(order
        .into_iter()
        .filter_map(|n| {
            let times = counts[&n];
            (times > 1).then(|| (String::from_utf8_lossy(&n).into_owned(), times))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    const PDF: &[u8] = b"%PDF-1.7 the packet";

    /// Every bundle `make fuzz` kept (`fuzz/corpus/bundle_verify`) verifies
    /// or fails cleanly, with the default bounds and tight ones.
    #[test]
    fn fuzz_corpus_replays() {
        let tight = BundleLimits {
            max_entries: 8,
            max_entry_bytes: 4096,
            max_total_bytes: 8192,
            max_manifest_bytes: 1024,
        };
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fuzz/corpus/bundle_verify"
        );
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            for limits in [BundleLimits::DEFAULT, tight] {
                if let Ok(report) = verify_bundle_within(&path, limits) {
                    assert_eq!(report.ok, report.problems.is_empty(), "{path:?}");
                }
            }
            n += 1;
        }
        assert!(n > 0, "no corpus in {dir}");
    }

    /// A zip of `entries` in memory, deflated or stored.
    fn zip_bytes(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
        let method = if deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// A format 2 manifest listing the PDF and `files` with their true hashes.
    fn manifest(files: &[(&str, &[u8])]) -> Vec<u8> {
        let entry = |(file, bytes): &(&str, &[u8])| FileEntry {
            file: file.to_string(),
            kind: "screenshot".into(),
            sha256: hex_sha256(bytes),
            size: bytes.len() as u64,
            captured_at: None,
            source_url: String::new(),
        };
        serde_json::to_vec_pretty(&Manifest {
            format: MANIFEST_FORMAT,
            packet: PacketFile {
                file: "packet.pdf".into(),
                sha256: hex_sha256(PDF),
                size: PDF.len() as u64,
                packet_id: "PKT-C-20261122-ABCDEF".into(),
            },
            files: files.iter().map(entry).collect(),
        })
        .unwrap()
    }

    /// A bundle of the PDF, `manifest` and `entries`, written to a file.
    fn bundle(
        dir: &tempfile::TempDir,
        manifest: &[u8],
        entries: &[(&str, &[u8])],
        deflate: bool,
    ) -> std::path::PathBuf {
        let mut all: Vec<(&str, &[u8])> = vec![("packet.pdf", PDF), (MANIFEST, manifest)];
        all.extend_from_slice(entries);
        let path = dir.path().join(format!("b{}.zip", new_id().simple()));
        std::fs::write(&path, zip_bytes(&all, deflate)).unwrap();
        path
    }

    fn problems(r: &BundleReport) -> Vec<(&str, &str)> {
        assert_eq!(r.ok, r.problems.is_empty());
        r.problems
            .iter()
            .map(|p| (p.file.as_str(), p.problem.as_str()))
            .collect()
    }

    fn small_limits() -> BundleLimits {
        BundleLimits {
            max_entries: 20,
            max_entry_bytes: 1 << 20,
            max_total_bytes: 4 << 20,
            max_manifest_bytes: 64 << 10,
        }
    }

    /// Replaces every occurrence of `from` (the local and the central
    /// header's copy of a name) with `to`, of the same length.
    fn patch_all(bytes: &mut [u8], from: &[u8], to: &[u8]) {
        assert_eq!(from.len(), to.len());
        let mut i = 0;
        while i + from.len() <= bytes.len() {
            if &bytes[i..i + from.len()] == from {
                bytes[i..i + from.len()].copy_from_slice(to);
            }
            i += 1;
        }
    }

    #[test]
    fn a_hand_built_bundle_verifies_and_the_hash_is_the_evidence_list() {
        let dir = tempfile::tempdir().unwrap();
        let files: &[(&str, &[u8])] = &[("evidence/a.png", b"shot a")];
        let m = manifest(files);
        let r = verify_bundle(&bundle(&dir, &m, files, false)).unwrap();
        assert!(r.ok, "{:?}", r.problems);
        assert_eq!(r.files_checked, 1);
        let parsed: Manifest = serde_json::from_slice(&m).unwrap();
        assert_eq!(
            r.manifest_sha256,
            hex_sha256(&serde_json::to_vec_pretty(&parsed.files).unwrap())
        );
    }

    #[test]
    fn a_zip_bomb_is_read_only_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let zeros = vec![0u8; 32 << 20];
        let files: &[(&str, &[u8])] = &[("evidence/bomb.png", &zeros)];
        let path = bundle(&dir, &manifest(files), files, true);
        assert!(std::fs::metadata(&path).unwrap().len() < 1 << 20, "a bomb");
        let r = verify_bundle_within(&path, small_limits()).unwrap();
        assert_eq!(
            problems(&r),
            [(
                "evidence/bomb.png",
                "too large: over the 1048576 bytes a file may hold"
            )]
        );

        // The same bomb declaring 1000 bytes: read through the limit anyway.
        let mut bytes = std::fs::read(&path).unwrap();
        let name = b"evidence/bomb.png";
        let at = bytes.windows(name.len()).rposition(|w| w == name).unwrap() - 46;
        assert_eq!(&bytes[at..at + 4], b"PK\x01\x02");
        bytes[at + 24..at + 28].copy_from_slice(&1000u32.to_le_bytes());
        std::fs::write(&path, &bytes).unwrap();
        let r = verify_bundle_within(&path, small_limits()).unwrap();
        assert_eq!(
            problems(&r),
            [(
                "evidence/bomb.png",
                "too large: over the 1048576 bytes a file may hold"
            )]
        );
    }

    #[test]
    fn reading_stops_at_the_total_limit_and_the_entry_count_is_capped() {
        let dir = tempfile::tempdir().unwrap();
        let big = vec![7u8; 900 << 10];
        let files: Vec<(&str, &[u8])> = ["evidence/1.png", "evidence/2.png", "evidence/3.png"]
            .into_iter()
            .map(|n| (n, big.as_slice()))
            .collect();
        let path = bundle(&dir, &manifest(&files), &files, true);
        let limits = BundleLimits {
            max_total_bytes: 2 << 20,
            ..small_limits()
        };
        let err = verify_bundle_within(&path, limits).unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(
            err.message.contains("more than 2097152 bytes in all"),
            "{err}"
        );

        let limits = BundleLimits {
            max_entries: 4,
            ..small_limits()
        };
        let err = verify_bundle_within(&path, limits).unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(
            err.message.contains("holds 5 entries, more than the 4"),
            "{err}"
        );

        let limits = BundleLimits {
            max_manifest_bytes: 100,
            ..small_limits()
        };
        let err = verify_bundle_within(&path, limits).unwrap_err();
        assert!(
            err.message
                .contains("manifest.json is larger than 100 bytes"),
            "{err}"
        );
    }

    #[test]
    fn unsafe_and_case_duplicate_names_are_each_named() {
        let dir = tempfile::tempdir().unwrap();
        let files: &[(&str, &[u8])] = &[("evidence/a.png", b"shot a")];
        let hostile: &[(&str, &[u8])] = &[
            ("evidence/a.png", b"shot a"),
            ("../evil", b"x"),
            ("C:\\x", b"x"),
            ("C:/x", b"x"),
            ("/etc/passwd", b"x"),
            ("evidence/../../up", b"x"),
            ("evidence/A.PNG", b"other"),
            ("evidence/CON.txt", b"x"),
        ];
        let path = bundle(&dir, &manifest(files), hostile, true);
        let r = verify_bundle(&path).unwrap();
        assert_eq!(
            problems(&r),
            [
                ("../evil", "unsafe name: parent folder (..)"),
                ("C:\\x", "unsafe name: backslash"),
                ("C:/x", "unsafe name: drive letter or colon"),
                ("/etc/passwd", "unsafe name: absolute path"),
                ("evidence/../../up", "unsafe name: parent folder (..)"),
                (
                    "evidence/A.PNG",
                    "duplicate name: differs only in case from evidence/a.png"
                ),
                ("evidence/CON.txt", "unsafe name: reserved on Windows"),
            ]
        );
    }

    #[test]
    fn a_name_the_zip_holds_twice_is_named_and_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let files: &[(&str, &[u8])] = &[("evidence/a.png", b"shot a")];
        let path = bundle(
            &dir,
            &manifest(files),
            &[("evidence/a.png", b"shot a"), ("evidence/b.png", b"forged")],
            false,
        );
        let mut bytes = std::fs::read(&path).unwrap();
        patch_all(&mut bytes, b"evidence/b.png", b"evidence/a.png");
        std::fs::write(&path, &bytes).unwrap();
        let r = verify_bundle(&path).unwrap();
        assert_eq!(
            problems(&r),
            [(
                "evidence/a.png",
                "duplicate name: the bundle holds it 2 times"
            )]
        );

        // Two manifests: which one counts is up to the unzip tool.
        let path = bundle(&dir, &manifest(files), &[("manifest.jsoX", b"[]")], false);
        let mut bytes = std::fs::read(&path).unwrap();
        patch_all(&mut bytes, b"manifest.jsoX", b"manifest.json");
        std::fs::write(&path, &bytes).unwrap();
        let err = verify_bundle(&path).unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(
            err.message.contains("manifest.json is not the only"),
            "{err}"
        );
    }

    #[test]
    fn a_manifest_naming_unsafe_or_repeated_files_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let listed: &[(&str, &[u8])] = &[
            ("evidence/a.png", b"shot a"),
            ("../../x.png", b"x"),
            ("evidence/A.png", b"shot a"),
        ];
        let path = bundle(
            &dir,
            &manifest(listed),
            &[("evidence/a.png", b"shot a")],
            false,
        );
        let r = verify_bundle(&path).unwrap();
        assert_eq!(
            problems(&r),
            [
                (
                    "../../x.png",
                    "unsafe name: parent folder (..) (in the manifest)"
                ),
                ("evidence/A.png", "listed twice in the manifest"),
            ]
        );
    }

    #[test]
    fn broken_and_foreign_files_are_validation_errors_not_panics() {
        let dir = tempfile::tempdir().unwrap();
        let good = zip_bytes(&[("packet.pdf", PDF), (MANIFEST, &manifest(&[]))], true);
        let cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"PK\x05\x06".to_vec(),
            good[..good.len() / 2].to_vec(),
            good[..good.len() - 10].to_vec(),
            zip_bytes(&[("packet.pdf", PDF)], false),
            zip_bytes(&[(MANIFEST, b"{\"format\": 9}")], false),
            zip_bytes(&[(MANIFEST, b"not json")], false),
        ];
        for (i, bytes) in cases.iter().enumerate() {
            let path = dir.path().join(format!("{i}.zip"));
            std::fs::write(&path, bytes).unwrap();
            let err = verify_bundle(&path).unwrap_err();
            assert_eq!(err.code, ErrorCode::Validation, "case {i}: {err}");
        }
    }

    #[test]
    fn a_format_1_bundle_still_verifies() {
        let dir = tempfile::tempdir().unwrap();
        let list = vec![FileEntry {
            file: "evidence/a.png".into(),
            kind: "screenshot".into(),
            sha256: hex_sha256(b"shot a"),
            size: 6,
            captured_at: None,
            source_url: String::new(),
        }];
        let m = serde_json::to_vec_pretty(&list).unwrap();
        let ok = bundle(&dir, &m, &[("evidence/a.png", b"shot a")], false);
        let r = verify_bundle(&ok).unwrap();
        assert!(r.ok, "{:?}", r.problems);
        assert_eq!(r.manifest_sha256, hex_sha256(&m));
        let changed = bundle(&dir, &m, &[("evidence/a.png", b"shot b")], false);
        let r = verify_bundle(&changed).unwrap();
        assert_eq!(problems(&r), [("evidence/a.png", "changed")]);
    }

    #[test]
    fn names_written_into_bundles_pass_the_check_verify_makes() {
        let originals = [
            "../../x.png",
            "a\\b.png",
            "C:x.png",
            "Photo.PNG",
            "photo.png",
            "..",
            ".",
            "",
            "CON.txt",
            "lpt1",
            "x. ",
            "a\u{0}b\u{7}.png",
            "?*<>|\".png",
            "证书 第1页.png",
            &format!("{}.png", "长".repeat(120)),
        ];
        let mut names = EntryNames::default();
        let mut folded = HashSet::new();
        for o in originals {
            let file = names.claim_evidence(o);
            assert!(file.starts_with(EVIDENCE_DIR), "{o:?} -> {file:?}");
            assert_eq!(entry_name_problem(&file), None, "{o:?} -> {file:?}");
            assert_eq!(file.matches('/').count(), 1, "{o:?} -> {file:?}");
            assert!(file.len() <= EVIDENCE_DIR.len() + 255, "{o:?}");
            assert!(folded.insert(fold(&file)), "{o:?} -> {file:?} not unique");
        }
        assert_eq!(
            names.claim_evidence("../../x.png"),
            "evidence/2-.._.._x.png"
        );
        assert_eq!(names.claim_evidence("photo.png"), "evidence/3-photo.png");
        assert!(safe_file_name(&"长".repeat(120)).len() <= MAX_NAME_BYTES);
        assert!(safe_file_name(&format!("{}.png", "长".repeat(120))).ends_with(".png"));
        assert_eq!(pdf_entry_name(Path::new("/tmp/a:b.pdf")), "a_b.pdf");
        assert_eq!(
            pdf_entry_name(Path::new("/tmp/MANIFEST.JSON")),
            "packet.pdf"
        );
    }

    /// The sample's filed complaint, with `names` attached as PNG evidence.
    fn complaint_with(desk: &mut Desk, names: &[&str]) -> Id {
        let id = desk
            .list_complaints(crate::ComplaintFilter {
                status: Some(ComplaintStatus::Filed),
                limit: 10,
                ..Default::default()
            })
            .unwrap()
            .rows[0]
            .complaint
            .id;
        let png = desk
            .get_complaint(id)
            .unwrap()
            .listings
            .iter()
            .flat_map(|l| l.evidence.iter())
            .find(|e| e.media_type == "image/png")
            .map(|e| desk.store.vault_read(&e.sha256, e.size).unwrap())
            .unwrap();
        for n in names {
            desk.attach_bytes(
                OwnerKind::Complaint,
                id,
                DocumentKind::ListingScreenshot,
                n,
                &png,
            )
            .unwrap();
        }
        id
    }

    #[test]
    fn hostile_original_names_become_safe_unique_entries_of_a_real_bundle() {
        let dir = tempfile::tempdir().unwrap();
        let mut desk = Desk::open(&dir.path().join("db.sqlite3")).unwrap();
        desk.load_sample().unwrap();
        let originals = [
            "../../x.png",
            "a\\b.png",
            "C:x.png",
            "Photo.PNG",
            "photo.png",
        ];
        let id = complaint_with(&mut desk, &originals);
        let zip_path = dir.path().join("c.zip");
        let r = desk
            .generate_packet(PacketRequest {
                kind: PacketFor::Complaint,
                id,
                pdf_path: dir.path().join("c.pdf").display().to_string(),
                bundle_path: Some(zip_path.display().to_string()),
            })
            .unwrap();
        let zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
        let names: Vec<&str> = zip.file_names().collect();
        let mut folded = HashSet::new();
        for n in &names {
            assert_eq!(entry_name_problem(n), None, "{n}");
            assert!(folded.insert(fold(n)), "{n} is not unique ignoring case");
        }
        for expected in [
            "evidence/.._.._x.png",
            "evidence/a_b.png",
            "evidence/C_x.png",
            "evidence/Photo.PNG",
            "evidence/2-photo.png",
        ] {
            assert!(names.contains(&expected), "{expected} not in {names:?}");
        }
        assert_eq!(names.len() as u32, r.files + 2);
        assert!(verify_bundle(&zip_path).unwrap().ok);
    }
}
