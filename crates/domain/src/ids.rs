use uuid::Uuid;

/// Every record's id: UUID v7, so ids sort by creation time and index well.
pub type Id = Uuid;

pub fn new_id() -> Id {
    Uuid::now_v7()
}

/// The time a record is written, to the microsecond: what both stores keep
/// (PostgreSQL's timestamptz holds microseconds), so a record reads back
/// equal to what was written in either edition.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}

#[cfg(test)]
mod tests {
    #[test]
    fn now_keeps_microseconds_only() {
        use chrono::Timelike;
        assert_eq!(super::now().nanosecond() % 1_000, 0);
    }
}
