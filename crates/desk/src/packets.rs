//! Evidence packets (one per IPP step) and their bundles: the desk gathers a
//! record and its evidence into a `Packet` model, `ippdesk-packet` draws the
//! PDF, and the bundle zips the PDF, every original file and `manifest.json`.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use ippdesk_domain::*;
use ippdesk_packet::{Bilingual, Block, Field, FileEntry, ImageBlock, Packet, PacketKind, Section};
use ippdesk_store::tables::{
    accounts, agents, complaints, counter_notices, deadlines, holders, poas,
};
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
    fn evidence_of(&self, docs: &[DocumentView], names: &mut HashSet<String>) -> Vec<Evidence> {
        docs.iter()
            .map(|d| {
                let mut file = format!("evidence/{}", d.original_name);
                let mut n = 2;
                while !names.insert(file.clone()) {
                    file = format!("evidence/{n}-{}", d.original_name);
                    n += 1;
                }
                Evidence {
                    entry: FileEntry {
                        file,
                        kind: name(&d.doc_kind),
                        sha256: d.sha256.clone(),
                        size: d.size,
                        captured_at: d.captured_at,
                        source_url: d.source_url.clone(),
                    },
                    doc: d.clone(),
                }
            })
            .collect()
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
            let bytes = std::fs::read(self.vault.path_of(&d.sha256)).map_err(|err| {
                DeskError::new(
                    ErrorCode::Io,
                    format!(
                        "The vault file of {} cannot be read: {err}",
                        d.original_name
                    ),
                )
            })?;
            Ok(Block::Image(ImageBlock {
                caption: format!("{} ({})", d.original_name, name(&d.doc_kind)),
                bytes,
                facts,
            }))
        } else {
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
        let now = Utc::now();
        let mut names = HashSet::new();
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
        names: &mut HashSet<String>,
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
        names: &mut HashSet<String>,
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
        names: &mut HashSet<String>,
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
        names: &mut HashSet<String>,
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

    /// Draws the packet's PDF (and, when asked, its bundle) and writes them.
    pub fn generate_packet(&self, req: PacketRequest) -> Result<PacketResult> {
        let (mut packet, evidence) = self.packet_model(req.kind, req.id)?;
        let entries: Vec<&FileEntry> = evidence.iter().map(|e| &e.entry).collect();
        let manifest = serde_json::to_vec_pretty(&entries)
            .map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))?;
        let manifest_sha256 = hex_sha256(&manifest);
        packet.manifest_sha256 = Some(manifest_sha256.clone());
        let pdf = ippdesk_packet::render(&packet)
            .map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))?;
        let io = |p: &str, e: std::io::Error| {
            DeskError::new(ErrorCode::Io, format!("Cannot write {p}: {e}"))
        };
        std::fs::write(&req.pdf_path, &pdf).map_err(|e| io(&req.pdf_path, e))?;
        let mut bundle_size = None;
        if let Some(bundle) = &req.bundle_path {
            let pdf_name = Path::new(&req.pdf_path).file_name().map_or_else(
                || "packet.pdf".to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let write = || -> std::result::Result<u64, Box<dyn std::error::Error>> {
                let tmp = format!("{bundle}.part");
                let file = std::fs::File::create(&tmp)?;
                let mut zip = zip::ZipWriter::new(file);
                let stored = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Stored);
                zip.start_file(pdf_name.as_str(), stored)?;
                zip.write_all(&pdf)?;
                zip.start_file(MANIFEST, stored)?;
                zip.write_all(&manifest)?;
                for e in &evidence {
                    zip.start_file(e.entry.file.as_str(), stored)?;
                    let mut src = std::fs::File::open(self.vault.path_of(&e.doc.sha256))?;
                    std::io::copy(&mut src, &mut zip)?;
                }
                zip.finish()?;
                // Renamed into place only when complete: no half bundle.
                std::fs::rename(&tmp, bundle)?;
                Ok(std::fs::metadata(bundle)?.len())
            };
            bundle_size = Some(write().map_err(|e| {
                let _ = std::fs::remove_file(format!("{bundle}.part"));
                DeskError::new(
                    ErrorCode::Io,
                    format!("Cannot write the bundle {bundle}: {e}"),
                )
            })?);
        }
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
}

fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Checks a bundle against its manifest: every listed file present with its
/// SHA-256 and size, nothing else but the PDF and the manifest. Needs no
/// database.
pub fn verify_bundle(path: &Path) -> Result<BundleReport> {
    let bad = |e: &dyn std::fmt::Display| {
        DeskError::new(
            ErrorCode::Validation,
            format!("{} is not a readable bundle: {e}", path.display()),
        )
    };
    let file = std::fs::File::open(path).map_err(|e| bad(&e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(&e))?;
    let mut manifest = Vec::new();
    zip.by_name(MANIFEST)
        .map_err(|_| bad(&"manifest.json is missing"))?
        .read_to_end(&mut manifest)
        .map_err(|e| bad(&e))?;
    let entries: Vec<FileEntry> = serde_json::from_slice(&manifest).map_err(|e| bad(&e))?;
    let mut problems = Vec::new();
    let listed: HashSet<&str> = entries.iter().map(|e| e.file.as_str()).collect();
    for e in &entries {
        match zip.by_name(&e.file) {
            Err(_) => problems.push(BundleProblem {
                file: e.file.clone(),
                problem: "missing".into(),
            }),
            Ok(mut f) => {
                let mut h = Sha256::new();
                let mut buf = [0u8; 64 * 1024];
                let mut size = 0u64;
                loop {
                    let n = f.read(&mut buf).map_err(|err| bad(&err))?;
                    if n == 0 {
                        break;
                    }
                    size += n as u64;
                    h.update(&buf[..n]);
                }
                if hex::encode(h.finalize()) != e.sha256 || size != e.size {
                    problems.push(BundleProblem {
                        file: e.file.clone(),
                        problem: "changed".into(),
                    });
                }
            }
        }
    }
    let mut pdfs = 0;
    for i in 0..zip.len() {
        let f = zip.by_index(i).map_err(|e| bad(&e))?;
        let n = f.name().to_string();
        if n == MANIFEST || listed.contains(n.as_str()) {
            continue;
        }
        if !n.contains('/') && n.to_lowercase().ends_with(".pdf") && pdfs == 0 {
            pdfs += 1;
            continue;
        }
        problems.push(BundleProblem {
            file: n,
            problem: "added".into(),
        });
    }
    Ok(BundleReport {
        ok: problems.is_empty(),
        manifest_sha256: hex_sha256(&manifest),
        files_checked: entries.len() as u32,
        problems,
    })
}
